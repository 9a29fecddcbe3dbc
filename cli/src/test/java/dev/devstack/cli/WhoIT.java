package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack who PORT` against real listeners, a real stack and the real registry. */
class WhoIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @Test
    void aListenerIsDescribedWithItsPidNameCommandUserStartAndFolder() throws Exception {
        int port = FreePorts.next();
        try (ForeignListener listener = ForeignListener.on(port)) {
            DevstackProcess.Result who = InProcessDevstack.run(projectDir, home, "who", String.valueOf(port));

            assertThat(who.exitCode()).as(who.err()).isZero();
            assertThat(who.out()).startsWith("port " + port + ": pid " + listener.pid() + ", python3")
                    .contains("python3", " -c import socket, time\\ns = socket.socket()\\n", "  listening 127.0.0.1",
                            "  user      " + System.getProperty("user.name"), "  started   ", " ago)",
                            "  folder    " + Path.of("").toAbsolutePath());
            assertThat(who.out().lines()).as("one line per fact").hasSize(6);

            JsonNode json = new ObjectMapper().readTree(
                    InProcessDevstack.run(projectDir, home, "who", String.valueOf(port), "--json").out());
            assertThat(json.path("listening").asBoolean()).isTrue();
            assertThat(json.path("holders").get(0).path("pid").asLong()).isEqualTo(listener.pid());
            assertThat(json.path("holders").get(0).path("visible").asBoolean()).isTrue();
            assertThat(json.path("lease").isNull()).isTrue();
        }
    }

    @Test
    void anIpv6ListenerIsFoundToo() throws Exception {
        ServerSocket listener = new ServerSocket();
        try (listener) {
            try {
                listener.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            } catch (IOException noIpv6) {
                assumeTrue(false, "this machine has no ::1");
            }
            DevstackProcess.Result who = InProcessDevstack.run(projectDir, home, "who",
                    String.valueOf(listener.getLocalPort()));

            assertThat(who.out()).startsWith("port " + listener.getLocalPort() + ": pid " + ProcessHandle.current().pid())
                    .contains("  listening ::1\n");
        }
    }

    @Test
    void aFreePortIsNotFoundWithExitCodeOne() {
        int port = FreePorts.next();

        DevstackProcess.Result who = InProcessDevstack.run(projectDir, home, "who", String.valueOf(port));

        assertThat(who.exitCode()).isEqualTo(1);
        assertThat(who.out()).isEqualTo("nothing listens on port " + port + "\n");
    }

    @Test
    void aPortOutsideTheRangeIsAUsageError() {
        DevstackProcess.Result who = InProcessDevstack.run(projectDir, home, "who", "70000");

        assertThat(who.exitCode()).isEqualTo(2);
        assertThat(who.err()).contains("PORT must be 1-65535, not 70000");
    }

    @Test
    void aServiceOfARunningStackIsNamedWithItsLease() throws Exception {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up")) {
            Await.until(WAIT, "api to run", () -> up.servicePids().size() == 1);
            JsonNode ports = Await.value(WAIT, "api to be ready", () -> {
                try {
                    JsonNode report = new ObjectMapper().readTree(InProcessDevstack.run(projectDir, home, "ports",
                            "--json").out());
                    return "ready".equals(report.path("services").get(0).path("state").asText()) ? report : null;
                } catch (Exception e) {
                    return null;
                }
            });
            int port = ports.path("services").get(0).path("port").asInt();

            DevstackProcess.Result who = InProcessDevstack.run(projectDir, home, "who", String.valueOf(port));

            assertThat(who.out()).contains("port " + port + ": pid " + up.servicePids().get(0) + ", python3")
                    .contains("  devstack  api of " + projectDir + " (devstack pid " + up.pid() + ", running)");
        }
    }
}
