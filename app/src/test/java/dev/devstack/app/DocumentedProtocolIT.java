package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every conversation in docs/protocol.md (a ```jsonl block of → requests and ← replies) is held
 * with a real stack: each reply the stack gives has the shape the document shows (the same fields,
 * nested the same way, of the same JSON types), so the document cannot drift from the protocol.
 */
class DocumentedProtocolIT {

    private static final Path DOC = Path.of("../docs/protocol.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;

    @AfterEach
    void endEverything() {
        stack.close();
    }

    @Test
    void everyConversationInTheDocumentHappensAsShown() throws Exception {
        stack = new LiveStack(projectDir, home);
        Supervisor supervisor = stack.up("""
                services:
                  web: { command: "%s" }
                  api: { command: "%s" }
                """.formatted(service("--listen"), service("--print 'api listening' --listen")));
        await(supervisor, "web", ServiceState.READY);
        await(supervisor, "api", ServiceState.READY);
        Await.until(Duration.ofSeconds(30), "api's line",
                () -> !supervisor.output(Set.of("api"), 1, Optional.empty()).lines().isEmpty());

        List<List<String>> conversations = conversations(Files.readString(DOC));
        assertThat(conversations).hasSizeGreaterThanOrEqualTo(4);
        for (List<String> conversation : conversations) {
            hold(conversation);
        }
    }

    /**
     * Every `curl` of the document followed by the JSON it answers is sent to the example stack's
     * HTTP API (examples/shop): the answer has the shape the document shows.
     */
    @Test
    void everyHttpExampleAnswersAsShown() throws Exception {
        stack = new LiveStack(projectDir, home);
        for (String file : List.of("ports.yaml", "api.py", "web.py", "worker.py")) {
            Files.copy(Path.of("../examples/shop").resolve(file), projectDir.resolve(file));
        }
        UpSession session = stack.open(UpOptions.ALL);
        session.start();
        Supervisor supervisor = session.supervisor();
        for (String service : List.of("api", "web")) {
            await(supervisor, service, ServiceState.READY);
        }
        Await.until(Duration.ofSeconds(30), "two lines of api",
                () -> supervisor.output(Set.of("api"), 2, Optional.empty()).lines().size() == 2);
        String api = session.apiUrl().orElseThrow();
        String token = Files.readString(home.resolve("api-token")).strip();

        List<String[]> examples = httpExamples(Files.readString(DOC));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        HttpClient http = HttpClient.newHttpClient();
        for (String[] example : examples) {
            Matcher host = Pattern.compile("-H \"Host: ([^\"]+)\"").matcher(example[0]);
            String answer = host.find() ? withHost(api, path(example[0]), host.group(1))
                    : http.send(curl(example[0], api, token), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(differences("answer", JSON.readTree(example[1]), JSON.readTree(answer))).as("the answer to\n  "
                    + example[0] + "\n  " + answer + "\nas docs/protocol.md shows it:\n  " + example[1]).isEmpty();
        }
    }

    /** `curl -s [-X POST] [-H "Authorization: Bearer $TOKEN"] $API/PATH` as the request it makes. */
    private static HttpRequest curl(String command, String api, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path(command)));
        if (command.contains("Authorization: Bearer $TOKEN")) {
            request.header("Authorization", "Bearer " + token);
        }
        return (command.contains("-X POST") ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.GET()).build();
    }

    private static String path(String command) {
        Matcher url = Pattern.compile("\"?\\$API(/[^\" ]*)\"?").matcher(command);
        assertThat(url.find()).as("a URL of $API in " + command).isTrue();
        return url.group(1);
    }

    /** A GET with another Host header, which Java's HTTP client does not send: written by hand, as curl would. */
    private static String withHost(String api, String path, String host) throws IOException {
        URI uri = URI.create(api);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    /** Each `curl` that is alone in its block and answered by the ```json block after it: the command and the JSON. */
    private static List<String[]> httpExamples(String markdown) {
        List<String[]> examples = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i + 5 < lines.size(); i++) {
            if (lines.get(i).equals("```") && lines.get(i + 1).startsWith("curl ") && !lines.get(i + 1).contains("-sN")
                    && lines.get(i + 2).equals("```") && lines.get(i + 3).isEmpty()
                    && lines.get(i + 4).equals("```json")) {
                examples.add(new String[] {lines.get(i + 1), lines.get(i + 5)});
            }
        }
        return examples;
    }

    private void hold(List<String> conversation) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(ControlClient.socket(home, projectDir.toString(), "default")));
            BufferedReader replies = new BufferedReader(Channels.newReader(channel, StandardCharsets.UTF_8));
            for (String line : conversation) {
                String json = line.substring(2);
                if (line.startsWith("→ ")) {
                    channel.write(ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
                } else {
                    String reply = replies.readLine();
                    assertThat(reply).as("a reply to " + conversation).isNotNull();
                    assertThat(differences("reply", JSON.readTree(json), JSON.readTree(reply))).as("the reply\n  " + reply
                            + "\nas docs/protocol.md shows it:\n  " + json).isEmpty();
                }
            }
        }
    }

    /**
     * Where {@code real} differs in shape from what the document shows: other fields, or a leaf of
     * another JSON type (a null on either side matches any leaf: a pid may not be known yet).
     */
    private static List<String> differences(String where, JsonNode shown, JsonNode real) {
        List<String> found = new ArrayList<>();
        if (shown.isObject() && real.isObject()) {
            Set<String> names = new TreeSet<>();
            shown.fieldNames().forEachRemaining(names::add);
            real.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!shown.has(name) || !real.has(name)) {
                    found.add(where + "." + name + (shown.has(name) ? " is missing" : " is not in the document"));
                } else {
                    found.addAll(differences(where + "." + name, shown.get(name), real.get(name)));
                }
            }
        } else if (shown.isArray() && real.isArray()) {
            if (!shown.isEmpty() && !real.isEmpty()) {
                found.addAll(differences(where + "[0]", shown.get(0), real.get(0)));
            }
        } else if (!shown.isNull() && !real.isNull() && shown.getNodeType() != real.getNodeType()) {
            found.add(where + " is " + real.getNodeType() + ", not " + shown.getNodeType());
        }
        return found;
    }

    /** The lines of each ```jsonl block, each beginning with → or ←. */
    private static List<List<String>> conversations(String markdown) {
        List<List<String>> conversations = new ArrayList<>();
        Iterator<String> lines = markdown.lines().iterator();
        while (lines.hasNext()) {
            if (lines.next().equals("```jsonl")) {
                List<String> conversation = new ArrayList<>();
                for (String line = lines.next(); !line.equals("```"); line = lines.next()) {
                    conversation.add(line);
                }
                conversations.add(conversation);
            }
        }
        return conversations;
    }
}
