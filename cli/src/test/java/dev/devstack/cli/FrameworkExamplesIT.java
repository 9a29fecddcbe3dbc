package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of real frameworks (examples/vite-flask, django, fastapi-express), each copied to a
 * temporary folder, its npm packages installed, brought up with `devstack up -d` and its presets:
 * a page is fetched through each service's URL, the front end's through the API it was given, and
 * `devstack down` must leave no process of the stack (a reloader's child, Vite's esbuild) and no
 * port taken. examples/vite-flask pins Vite 6, which starts esbuild as a child; Vite 8 has none.
 */
class FrameworkExamplesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** HTTP/1.1 as a browser speaks it to a dev server: uvicorn refuses the HTTP/2 upgrade that Java asks for by default. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT)
            .build();

    @TempDir
    Path home;

    @TempDir
    Path projects;

    /** What `ports --json` says once the stack is up, and every process that belongs to it then. */
    private record Running(Map<String, String> urls, List<Integer> ports, Map<Long, String> processes) {
    }

    @Test
    void aViteFrontEndReachesFlaskThroughTheInjectedUrlAndDownLeavesNoProcessNorPort() throws Exception {
        FrameworkExample.needPython("flask");
        FrameworkExample.needNode();
        Path dir = FrameworkExample.prepare("vite-flask", projects, "web");
        try (DetachedStack stack = new DetachedStack(dir, home)) {
            Running running = up(stack, dir);

            assertThat(get(running.urls().get("web") + "/")).contains("<h1>Notes from Flask, through Vite</h1>");
            assertThat(get(running.urls().get("web") + "/api/notes")).as("the API through Vite's proxy to API_URL")
                    .contains("\"served_by\":\"flask\"").contains("buy milk");
            assertThat(get(running.urls().get("api") + "/api/notes")).contains("\"served_by\":\"flask\"");
            assertThat(running.processes().get(listener(dir, 1))).as("Vite, started by npx").contains("bin/vite");
            Map<Long, String> processes = Await.value(WAIT, "Vite 6 to start esbuild for its cold cache", () -> {
                Map<Long, String> now = ProcessTree.of(running.processes().keySet());
                return now.values().stream().anyMatch(c -> c.contains("esbuild --service")) ? now : null;
            });

            downLeavesNothing(dir, processes, running.ports());
        }
    }

    @Test
    void djangoRunsAfterItsMigrationWithItsAutoreloaderAndDownEndsBothOfItsProcesses() throws Exception {
        FrameworkExample.needPython("django");
        Path dir = FrameworkExample.prepare("django", projects);
        try (DetachedStack stack = new DetachedStack(dir, home)) {
            Running running = up(stack, dir);

            assertThat(get(running.urls().get("web") + "/")).containsPattern("<p>[1-9]\\d* migrations applied</p>");
            assertThat(running.processes().values()).as("the autoreloader and the server it runs")
                    .filteredOn(command -> command.contains("manage.py runserver 127.0.0.1:")).hasSize(2);
            assertThat(running.processes().get(listener(dir, 1))).as("the server, the autoreloader's child")
                    .contains("manage.py runserver");
            assertThat(dir.resolve(".devstack/guestbook.sqlite3")).isRegularFile();

            downLeavesNothing(dir, running.processes(), running.ports());
        }
    }

    @Test
    void anExpressPageReachesFastApiThroughTheInjectedUrlAndDownLeavesNoProcessNorPort() throws Exception {
        FrameworkExample.needPython("fastapi", "uvicorn");
        FrameworkExample.needNode();
        Path dir = FrameworkExample.prepare("fastapi-express", projects, "web");
        try (DetachedStack stack = new DetachedStack(dir, home)) {
            Running running = up(stack, dir);

            assertThat(get(running.urls().get("api") + "/forecast")).contains("\"served_by\":\"fastapi\"");
            assertThat(get(running.urls().get("web") + "/")).contains("<p>Lisbon: sunny (from fastapi)</p>");

            downLeavesNothing(dir, running.processes(), running.ports());
        }
    }

    private Running up(DetachedStack stack, Path dir) {
        DevstackProcess.Result up = stack.up();
        assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
        JsonNode report = DevstackProcess.ports(dir, home);
        Map<String, String> urls = new LinkedHashMap<>();
        List<Integer> ports = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        for (JsonNode service : report.path("services")) {
            String name = service.path("name").asText();
            if (service.path("url").isTextual()) {
                urls.put(name, service.path("url").asText());
                ports.add(service.path("port").asInt());
            }
            if (service.path("pid").isNumber()) {
                pids.add(service.path("pid").asLong());
            }
        }
        return new Running(urls, ports, ProcessTree.of(pids));
    }

    /** The process listening on the port of the {@code index}th service, a child of the service's own, once found. */
    private long listener(Path dir, int index) {
        return Await.value(WAIT, "devstack to find the child that listens for service " + index, () -> {
            JsonNode pid = DevstackProcess.ports(dir, home).path("services").get(index).path("listener_pid");
            return pid.isNumber() ? pid.asLong() : null;
        });
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private void downLeavesNothing(Path dir, Map<Long, String> processes, List<Integer> ports) {
        DevstackProcess.Result down = InProcessDevstack.run(dir, home, "down");
        assertThat(down.exitCode()).as(down.out() + down.err()).isZero();
        Await.until(WAIT, "every process of the stack to end: " + processes,
                () -> processes.keySet().stream().noneMatch(Processes::alive));
        Await.until(WAIT, "ports " + ports + " to be free", () -> ports.stream().allMatch(FrameworkExamplesIT::free));
    }

    /** Nothing answers on the port, and it can be listened on again. */
    private static boolean free(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return false;
        } catch (ConnectException refused) {
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return true;
            } catch (IOException taken) {
                return false;
            }
        } catch (IOException other) {
            return false;
        }
    }
}
