package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.RemoteStack;
import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.EnvironmentEntry;
import dev.devstack.supervisor.model.GroupProcess;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `inspect` over the control socket, as `devstack attach`'s details view asks it, against a real
 * stack: the command, folder, environment and processes of a real running service, its secrets
 * masked before they leave the stack.
 */
class InspectIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "s3cret-never-on-the-socket";

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
    void theSocketTellsTheRealCommandFolderEnvironmentAndProcessesWithSecretsMasked() throws Exception {
        stack = new LiveStack(projectDir, home);
        Files.createDirectory(projectDir.resolve("api"));
        Files.copy(projectDir.resolve("testservice.py"), projectDir.resolve("api/testservice.py"));
        String command = "sleep 600 & exec python3 -u testservice.py --print api-up --listen";
        Supervisor supervisor = stack.up("""
                services:
                  api:
                    command: "%s"
                    cwd: api
                    env: { API_KEY: %s, db_password: %s, GREETING: hello }
                  printer:
                    command: "python3 -u testservice.py --print ready-now --listen"
                    ready: { log: "ready-now" }
                """.formatted(command, SECRET, SECRET));
        ServiceSnapshot api = await(supervisor, "api", ServiceState.READY);
        long pid = api.pid().orElseThrow();

        ServiceInspection seen;
        try (ControlClient client = ControlClient.connect(ControlClient.socket(home, projectDir.toString(), "default"),
                "a test")) {
            Await.until(WAIT, "the sleep the service started to be one of its processes", () -> inspect(client)
                    .processes().stream().anyMatch(p -> p.commandLine().endsWith("sleep 600")));
            seen = client.inspect("api");
            assertThatThrownBy(() -> client.inspect("nope")).isInstanceOf(ControlClient.Refused.class)
                    .hasMessageContaining("no service `nope`").hasMessageContaining("api, printer");
            await(supervisor, "printer", ServiceState.READY);
            assertThat(client.inspect("printer").checks()).singleElement().satisfies(check -> {
                assertThat(check.check()).isEqualTo("log line matching /ready-now/");
                assertThat(check.last().orElseThrow().passed()).isTrue();
                assertThat(check.last().orElseThrow().result()).isEqualTo("a line matched /ready-now/");
            });
        }

        assertThat(seen.service()).isEqualTo("api");
        assertThat(seen.command()).isEqualTo(command);
        assertThat(seen.folder().toRealPath()).isEqualTo(projectDir.resolve("api").toRealPath());
        Map<String, EnvironmentEntry> environment = seen.environment().stream()
                .collect(Collectors.toMap(EnvironmentEntry::name, e -> e));
        assertThat(environment.get("API_KEY")).isEqualTo(new EnvironmentEntry("API_KEY", "••••••", true));
        assertThat(environment.get("db_password")).isEqualTo(new EnvironmentEntry("db_password", "••••••", true));
        assertThat(environment.get("GREETING")).isEqualTo(new EnvironmentEntry("GREETING", "hello", false));
        assertThat(environment.get("PORT").value()).isEqualTo(String.valueOf(api.ports().get(0)));
        assertThat(seen.toString()).doesNotContain(SECRET);
        assertThat(seen.ports()).singleElement().satisfies(port -> assertThat(port.port()).isEqualTo(api.ports().get(0)));
        assertThat(seen.checks()).singleElement().satisfies(check -> {
            assertThat(check.role()).isEqualTo(CheckStatus.Role.READINESS);
            assertThat(check.check()).isEqualTo("tcp on " + api.ports().get(0));
            assertThat(check.last().orElseThrow().passed()).isTrue();
        });
        assertThat(seen.logFile()).isEqualTo(projectDir.resolve(".devstack/logs/api.log"));
        Await.until(WAIT, "api's line in the log file it names", () -> {
            try {
                return Files.exists(seen.logFile()) && Files.readString(seen.logFile()).contains("api-up");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<Long, String> processes = seen.processes().stream()
                .collect(Collectors.toMap(GroupProcess::pid, GroupProcess::commandLine));
        assertThat(processes.get(pid)).contains("python3").endsWith(" -u testservice.py --print api-up --listen");
        long sleep = processes.entrySet().stream().filter(e -> e.getValue().endsWith("sleep 600")).findFirst()
                .orElseThrow().getKey();
        assertThat(processes.values()).as("devstack's own lifeline watcher is not the service's")
                .noneMatch(line -> line.contains("devstack-lifeline"));
        assertThat(Files.readString(Path.of("/proc/" + sleep + "/cmdline")).replace('\0', ' ').strip())
                .isEqualTo("sleep 600");

        RemoteStack remote = RemoteStack.connect(ControlClient.socket(home, projectDir.toString(), "default"),
                "`devstack attach` (a test)", Clock.systemUTC());
        try {
            ServiceInspection attached = remote.inspect("api").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(attached.command()).isEqualTo(command);
            assertThat(attached.environment()).contains(new EnvironmentEntry("API_KEY", "••••••", true));
            assertThat(attached.processes()).extracting(GroupProcess::pid).contains(pid, sleep);
            assertThatThrownBy(() -> remote.inspect("nope").join()).isInstanceOf(CompletionException.class)
                    .hasRootCauseMessage("this stack runs no service `nope` (services: api, printer)");
        } finally {
            remote.close();
        }
    }

    @Test
    void aSecretFilledIntoTheCommandAnotherValueOrAProcessIsMaskedThereToo() throws Exception {
        stack = new LiveStack(projectDir, home);
        Files.writeString(projectDir.resolve(".env"), "X_TOKEN=tok-" + SECRET + "\nDB_PASSWORD=pw-" + SECRET + "\n");
        Files.writeString(projectDir.resolve("serve.sh"), "echo serving\nsleep 600\necho done\n");
        Supervisor supervisor = stack.up("""
                services:
                  api:
                    command: "sh serve.sh --token ${env.X_TOKEN} --cache redis://cache:plain-pass@127.0.0.1:6379/0"
                    env:
                      AUTHORIZATION: "Bearer ${env.X_TOKEN}"
                      DATABASE_URL: "postgres://app:${env.DB_PASSWORD}@db.example/app"
                    ready: { log: serving }
                """);
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();
        assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).as("the secret is really in the process")
                .contains("tok-" + SECRET).contains("plain-pass");

        ServiceInspection seen;
        try (ControlClient client = ControlClient.connect(ControlClient.socket(home, projectDir.toString(), "default"),
                "a test")) {
            seen = client.inspect("api");
        }

        assertThat(seen.command())
                .isEqualTo("sh serve.sh --token •••••• --cache redis://cache:••••••@127.0.0.1:6379/0");
        Map<String, String> environment = seen.environment().stream()
                .collect(Collectors.toMap(EnvironmentEntry::name, EnvironmentEntry::value));
        assertThat(environment).containsEntry("X_TOKEN", "••••••").containsEntry("AUTHORIZATION", "Bearer ••••••")
                .containsEntry("DATABASE_URL", "postgres://app:••••••@db.example/app");
        assertThat(seen.processes()).extracting(GroupProcess::pid).contains(pid);
        assertThat(seen.processes()).extracting(GroupProcess::commandLine).anyMatch(line -> line.endsWith(
                "sh serve.sh --token •••••• --cache redis://cache:••••••@127.0.0.1:6379/0"));
        assertThat(seen.toString()).doesNotContain(SECRET).doesNotContain("plain-pass");
    }

    @Test
    void anInspectAskedAsTheStackClosesIsAnsweredOrRefusedNeverLeftWaiting() throws Exception {
        stack = new LiveStack(projectDir, home);
        Supervisor supervisor = stack.up("""
                services:
                  api: { command: "sleep 600", port: none }
                """);
        await(supervisor, "api", ServiceState.RUNNING);

        CompletableFuture<ServiceInspection> asked = supervisor.inspect("api");
        supervisor.close();

        Object answer = asked.handle((inspection, failure) -> inspection != null ? inspection
                : failure.getCause() == null ? failure : failure.getCause()).get(30, TimeUnit.SECONDS);
        if (answer instanceof Throwable refused) {
            assertThat(refused).hasMessage("the stack has stopped; `api` cannot be inspected");
        }
        assertThatThrownBy(() -> supervisor.inspect("api").join()).hasRootCauseMessage(
                "the stack has stopped; `api` cannot be inspected");
    }

    private static ServiceInspection inspect(ControlClient client) {
        try {
            return client.inspect("api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
