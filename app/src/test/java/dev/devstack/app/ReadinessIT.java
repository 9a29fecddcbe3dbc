package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each readiness kind passing, failing, timing out, and facing a process that died; health checks. */
class ReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() {
        stack.close();
    }

    private static int port(Supervisor supervisor, String service) {
        return supervisor.snapshot().service(service).orElseThrow().ports().get(0);
    }

    @Test
    void tcpThatNeverListensTimesOutAndBlocksOnlyItsDependents() {
        Supervisor supervisor = stack.up("""
                services:
                  mute: { command: "%s", ready: { tcp: true, timeout: 1s } }
                  web: { command: "%s", depends_on: [mute] }
                  other: { command: "%s" }
                """.formatted(service(""), service("--listen"), service("--listen")));

        ServiceSnapshot web = await(supervisor, "web", ServiceState.BLOCKED);
        await(supervisor, "other", ServiceState.READY);

        assertThat(DetailText.of(web.detail())).isEqualTo("waits for mute, which is not ready after 1s (tcp on "
                + port(supervisor, "mute") + ")");
        assertThat(supervisor.snapshot().service("mute").orElseThrow().state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void httpPassesOnTheHealthPathAndWithAnAcceptedStatus() {
        Supervisor supervisor = stack.up("""
                services:
                  api: { command: "%s", ready: { http: /healthz } }
                  odd: { command: "%s", ready: { http: /status/503, status: 500-503 } }
                """.formatted(service("--http"), service("--http")));

        assertThat(DetailText.of(await(supervisor, "api", ServiceState.READY).detail()))
                .startsWith("http GET /healthz on " + port(supervisor, "api") + " passed (HTTP 200) after ");
        assertThat(DetailText.of(await(supervisor, "odd", ServiceState.READY).detail())).contains("passed (HTTP 503)");
    }

    @Test
    void httpThatKeepsFailingGivesUpAfterItsRetriesWithTheLastAnswer() {
        Supervisor supervisor = stack.up("""
                services:
                  api: { command: "%s", ready: { http: /status/503, retries: 3, interval: 50ms } }
                  web: { command: "%s", depends_on: [api] }
                """.formatted(service("--http"), service("--listen")));

        ServiceSnapshot web = await(supervisor, "web", ServiceState.BLOCKED);

        assertThat(DetailText.of(web.detail()))
                .isEqualTo("waits for api, which is not ready after 3 failed checks (http GET /status/503"
                + " on " + port(supervisor, "api") + ": HTTP 503)");
    }

    @Test
    void aLogLineMakesAServiceWithoutAPortReady() {
        Supervisor supervisor = stack.up("""
                services:
                  worker: { command: "%s", port: none, ready: { log: "queue (ready|open)" } }
                  app: { command: "%s", port: none, depends_on: [worker] }
                """.formatted(service("--delay 0.3 --print 'connecting' --print 'queue ready'"), service("")));

        assertThat(DetailText.of(await(supervisor, "worker", ServiceState.READY).detail()))
                .startsWith("a line matched /queue (ready|open)/ after ");
        await(supervisor, "app", ServiceState.RUNNING);
    }

    @Test
    void aLogLineIsMatchedWithoutItsColours() {
        Supervisor supervisor = stack.up("""
                services:
                  worker: { command: "%s", port: none, ready: { log: "queue ready" } }
                """.formatted(service("--print 'queue \\e[1;32mready\\e[0m'")));

        assertThat(DetailText.of(await(supervisor, "worker", ServiceState.READY).detail()))
                .startsWith("a line matched /queue ready/ after ");
    }

    @Test
    void aLogLineThatNeverComesTimesOut() {
        Supervisor supervisor = stack.up("""
                services:
                  worker: { command: "%s", port: none, ready: { log: "ready", timeout: 1s } }
                  app: { command: "%s", port: none, depends_on: [worker] }
                """.formatted(service("--print 'still starting'"), service("")));

        assertThat(DetailText.of(await(supervisor, "app", ServiceState.BLOCKED).detail()))
                .isEqualTo("waits for worker, which is not ready after 1s (no line matched /ready/)");
    }

    @Test
    void execPassesOnceItsCommandExitsWithZeroAndFailsAfterItsRetries() {
        Supervisor supervisor = stack.up("""
                services:
                  maker: { command: "%s", port: none, ready: { exec: "test -f made.flag" } }
                  never: { command: "%s", port: none, ready: { exec: "exit 1", retries: 2, interval: 50ms } }
                  waits: { command: "%s", port: none, depends_on: [never] }
                """.formatted(service("--delay 0.3 --dump made.flag"), service(""), service("")));

        assertThat(DetailText.of(await(supervisor, "maker", ServiceState.READY).detail()))
                .startsWith("exec `test -f made.flag` passed (exit 0) after ");
        assertThat(DetailText.of(await(supervisor, "waits", ServiceState.BLOCKED).detail()))
                .isEqualTo("waits for never, which is not ready after 2 failed checks (exec `exit 1`: exit 1)");
    }

    @Test
    void aCheckStopsAtOnceWhenTheProcessDiedInsteadOfWaitingOutItsTimeout() {
        Supervisor supervisor = stack.up("""
                services:
                  api: { command: "%s", ready: { http: /healthz, timeout: 60s } }
                  web: { command: "%s", depends_on: [api] }
                """.formatted(service("--delay 0.3 --exit 1"), service("--listen")));

        ServiceSnapshot web = await(supervisor, "web", ServiceState.BLOCKED);

        assertThat(DetailText.of(web.detail())).isEqualTo("waits for api to be ready, but it crashed (exit 1)");
    }

    @Test
    void aFailingHealthCheckMakesAServiceUnhealthyAndAPassingOneReadyAgain() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  api:
                    command: "%s"
                    ready: { http: /healthz }
                    health: { http: /flip, interval: 100ms, retries: 2 }
                """.formatted(service("--http")));
        await(supervisor, "api", ServiceState.READY);

        Files.writeString(projectDir.resolve("sick"), "");
        ServiceSnapshot sick = await(supervisor, "api", ServiceState.UNHEALTHY);
        assertThat(DetailText.of(sick.detail())).isEqualTo("health check failed 2 times in a row (http GET /flip on "
                + port(supervisor, "api") + ": HTTP 500)");

        Files.delete(projectDir.resolve("sick"));
        assertThat(DetailText.of(await(supervisor, "api", ServiceState.READY).detail()))
                .isEqualTo("healthy again (http GET /flip on " + port(supervisor, "api") + ": HTTP 200)");
    }

    @Test
    void anUnhealthyServiceIsRestartedWhenItSaysSo() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  worker:
                    command: "%s"
                    port: none
                    health: { exec: "test ! -f sick", interval: 100ms, retries: 2 }
                    restart_on_unhealthy: true
                """.formatted(service("")));
        long first = await(supervisor, "worker", ServiceState.RUNNING).pid().orElseThrow();

        Files.writeString(projectDir.resolve("sick"), "");
        Await.until(WAIT, "worker restarted", () -> supervisor.snapshot().service("worker").orElseThrow().restarts() == 1);
        Files.delete(projectDir.resolve("sick"));
        ServiceSnapshot again = await(supervisor, "worker", ServiceState.RUNNING);

        assertThat(again.pid().orElseThrow()).isNotEqualTo(first);
        assertThat(Processes.alive(first)).isFalse();
        Await.until(WAIT, "the restart to be told", () -> stack.events().stream().anyMatch(e ->
                e instanceof StackEvent.StateChanged c && c.state() == ServiceState.BACKOFF
                        && DetailText.of(c.detail()).equals("stopped by devstack (SIGTERM), restart 1 now (unhealthy)")));
    }
}
