package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, exactly: `./devstack -C examples/shop up`, through the launcher script. */
class ExampleStackIT {

    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void theExampleStackComesUpTheWebPageReachesTheApiAndCtrlCLeavesNothing() throws Exception {
        Path out = home.resolve("up.txt");
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT,TERM,HUP", "./devstack", "-C",
                "examples/shop", "up").directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        DevstackProcess.environment(builder.environment(), home);
        Process up = builder.start();
        List<Long> groups = new ArrayList<>();
        try {
            JsonNode ready = Await.value(WAIT, "api and web to be ready", () -> readyReport(groups));
            String web = ready.path("services").get(1).path("url").asText();

            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("hello from the api").contains(ready.path("services").get(0).path("url").asText());
            List<Long> processes = new ArrayList<>();
            groups.forEach(pid -> processes.addAll(Processes.group(pid)));

            new ProcessBuilder("kill", "-INT", String.valueOf(up.pid())).start().waitFor();
            assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(up.exitValue()).as(Files.readString(out)).isZero();
            assertThat(processes).as("three services, each with its lifeline").hasSize(6);
            Await.until(WAIT, "every process of the stack to be gone", () -> processes.stream().noneMatch(Processes::alive));
        } finally {
            up.destroyForcibly();
            groups.forEach(Processes::killGroup);
        }
    }

    /** `ports --json` once api and web are ready and the worker runs; null before. */
    private JsonNode readyReport(List<Long> groups) {
        try {
            ProcessBuilder builder = new ProcessBuilder(DevstackProcess.command(List.of("-C", "examples/shop", "ports",
                    "--json"))).directory(REPO.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            DevstackProcess.environment(builder.environment(), home);
            Process ports = builder.start();
            byte[] bytes;
            try (InputStream in = ports.getInputStream()) {
                bytes = in.readAllBytes();
            }
            ports.waitFor(30, TimeUnit.SECONDS);
            JsonNode report = new ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
            List<String> states = new ArrayList<>();
            groups.clear();
            for (JsonNode service : report.path("services")) {
                states.add(service.path("state").asText());
                if (service.path("pid").isNumber()) {
                    groups.add(service.path("pid").asLong());
                }
            }
            return states.equals(List.of("ready", "ready", "running")) ? report : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
