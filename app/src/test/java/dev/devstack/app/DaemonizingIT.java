package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services whose command forks a daemon and exits: found, stopped, restarted and ended with their stack. */
class DaemonizingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;
    /** What the tests saw running, to end it whatever happens (by handle: a pid may be reused once it ended). */
    private final List<ProcessHandle> seen = new ArrayList<>();
    private final ConnectProbe connect = new ConnectProbe(200);

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() {
        seen.forEach(ProcessHandle::destroyForcibly);
        stack.close();
    }

    /** The daemon once the service's command has exited 0 and devstack has taken the daemon as the service's process. */
    private long daemonOf(Supervisor supervisor, String service) {
        long daemon = Await.value(WAIT, "the daemon to be " + service + "'s process", () -> stack.notices(service).stream()
                .filter(n -> n.contains("exited 0 and left pid")).findFirst()
                .map(n -> Long.parseLong(n.replaceAll(".*left pid (\\d+).*", "$1"))).orElse(null));
        ProcessHandle.of(daemon).ifPresent(seen::add);
        Await.until(WAIT, service + " to show the daemon's pid",
                () -> supervisor.snapshot().service(service).orElseThrow().pid().orElse(0) == daemon);
        return daemon;
    }

    /** The pid of the child the test service said it started (`--child`), from the service's log. */
    private long childOf(String service) {
        String log = ".devstack/logs/" + service + ".log";
        long child = Await.value(WAIT, service + "'s child", () -> stack.project().exists(log)
                ? stack.project().read(log).lines().filter(l -> l.contains(" child "))
                .map(l -> Long.parseLong(l.replaceAll(".* child (\\d+)$", "$1"))).findFirst().orElse(null) : null);
        ProcessHandle.of(child).ifPresent(seen::add);
        return child;
    }

    @Test
    void aDaemonThatLeftItsSessionIsTheServiceAndEndsWithItsStack() throws Exception {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--daemonize 0 --setsid --print serving --listen")), UpOptions.ALL);

        long daemon = daemonOf(supervisor, "api");
        ServiceSnapshot api = await(supervisor, "api", ServiceState.READY);

        long launched = stack.notices("api").stream().filter(n -> n.contains("left pid " + daemon))
                .map(n -> Long.parseLong(n.replaceAll("its command \\(pid (\\d+)\\).*", "$1"))).findFirst().orElseThrow();
        assertThat(Processes.session(daemon)).as("the daemon left the service's session").isNotIn(0L, launched);
        assertThat(connect.accepts(api.ports().get(0))).isTrue();
        Await.until(WAIT, "the daemon to be seen listening",
                () -> supervisor.snapshot().service("api").orElseThrow().listener().orElse(0) == daemon);
        assertThat(stack.notices("api")).anyMatch(n -> n.endsWith("exited 0 and left pid " + daemon
                + " running, listening on port " + api.ports().get(0) + ": that is the service's process now")
                || n.endsWith("exited 0 and left pid " + daemon + " running: that is the service's process now"));

        long stopping = System.nanoTime();
        StackOutcome outcome = supervisor.stop().get(30, TimeUnit.SECONDS);

        assertThat(DetailText.of(outcome.services().get(0).detail())).isEqualTo("stopped by devstack (SIGTERM)");
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("no wait for SIGKILL").isLessThan(Duration.ofSeconds(4));
        Await.until(WAIT, "the daemon to be gone", () -> !Processes.alive(daemon));
        assertThat(stack.events()).noneMatch(e -> e.toString().contains("pipes are still open"));
    }

    @Test
    void aDaemonInTheServicesGroupIsFoundToo() throws Exception {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--daemonize 0 --listen")), UpOptions.ALL);

        long daemon = daemonOf(supervisor, "api");
        await(supervisor, "api", ServiceState.READY);
        supervisor.stop().get(30, TimeUnit.SECONDS);

        Await.until(WAIT, "the daemon to be gone", () -> !Processes.alive(daemon));
    }

    @Test
    void aDaemonThatClosedItsOutputInTheServicesGroupOutlivesItsCommandUntilTheStackStops() throws Exception {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--daemonize 0 --quiet --listen")), UpOptions.ALL);

        long daemon = daemonOf(supervisor, "api");
        await(supervisor, "api", ServiceState.READY);

        // its command's pipes are closed, so NuProcess has closed the lifeline's too: the lifeline must not end it
        Await.holds(Duration.ofSeconds(3), "the daemon runs and api is ready", () -> Processes.alive(daemon)
                && supervisor.snapshot().service("api").orElseThrow().state() == ServiceState.READY);
        StackOutcome outcome = supervisor.stop().get(30, TimeUnit.SECONDS);

        assertThat(DetailText.of(outcome.services().get(0).detail())).isEqualTo("stopped by devstack (SIGTERM)");
        Await.until(WAIT, "the daemon to be gone", () -> !Processes.alive(daemon));
    }

    @Test
    void aDaemonThatListensOnlyAfterItsCommandExitedIsWaitedFor() {
        // quiet: its output pipes close, so the command's exit is known at once, well before the daemon listens
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--daemonize 0 --setsid --quiet --delay 2 --listen")), UpOptions.ALL);

        long daemon = daemonOf(supervisor, "api");

        assertThat(stack.notices("api")).anyMatch(n -> n.contains("exited 0; waiting up to 10s for what it left"
                + " running to listen on port "));
        assertThat(await(supervisor, "api", ServiceState.READY).pid()).hasValue(daemon);
    }

    @Test
    void aHelperLeftRunningThatNeverListensIsNotTakenForTheService() {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--child --exit 0")), UpOptions.ALL);

        ServiceSnapshot api = await(supervisor, "api", ServiceState.EXITED);
        long child = childOf("api");

        assertThat(DetailText.of(api.detail())).isEqualTo("exit 0");
        Await.until(WAIT, "the helper to be ended with its service", () -> !Processes.alive(child));
    }

    @Test
    void theDaemonsEndIsTheServicesEndAndARestartForksANewOne() {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\", restart: on-failure, backoff: 0 }\n"
                .formatted(service("--daemonize 0 --setsid --listen")), UpOptions.ALL);
        long first = daemonOf(supervisor, "api");
        await(supervisor, "api", ServiceState.READY);

        Processes.kill(first);

        Await.until(WAIT, "the crash of the daemon to be told", () -> stack.details("api", ServiceState.BACKOFF).stream()
                .anyMatch(d -> d.startsWith("exit 9 (or killed by SIGKILL from outside devstack), restart 1")));
        long second = Await.value(WAIT, "a second daemon", () -> {
            long pid = supervisor.snapshot().service("api").orElseThrow().pid().orElse(0);
            return pid != first && stack.notices("api").stream().filter(n -> n.contains("left pid " + pid)).count() == 1
                    ? pid : null;
        });
        ProcessHandle.of(second).ifPresent(seen::add);
        await(supervisor, "api", ServiceState.READY);
        assertThat(supervisor.snapshot().service("api").orElseThrow().restarts()).isEqualTo(1);
    }

    @Test
    void aPidfileNamesTheDaemonOfAServiceWithoutAPort() {
        Supervisor supervisor = stack.up("services:\n  worker: { command: \"%s\", port: none, pidfile: worker.pid }\n"
                .formatted(service("--daemonize 0 --setsid --pidfile worker.pid")), UpOptions.ALL);

        long daemon = daemonOf(supervisor, "worker");

        assertThat(stack.project().read("worker.pid").strip()).isEqualTo(String.valueOf(daemon));
        assertThat(supervisor.snapshot().service("worker").orElseThrow().state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void withoutAPortOrPidfileWhatACommandLeavesEndsWithIt() {
        Supervisor supervisor = stack.up("services:\n  task: { command: \"%s\", port: none }\n"
                .formatted(service("--child --exit 0")), UpOptions.ALL);

        ServiceSnapshot task = await(supervisor, "task", ServiceState.EXITED);
        long child = childOf("task");

        assertThat(DetailText.of(task.detail())).isEqualTo("exit 0");
        Await.until(WAIT, "the child left behind to be ended", () -> !Processes.alive(child));
    }

    @Test
    void aCommandThatFailsEndsTheDaemonItLeft() {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--daemonize 3 --setsid --pidfile api.pid --listen")), UpOptions.ALL);

        ServiceSnapshot api = await(supervisor, "api", ServiceState.CRASHED);
        long daemon = Await.value(WAIT, "the daemon's pidfile", () -> stack.project().exists("api.pid")
                && !stack.project().read("api.pid").isBlank() ? Long.parseLong(stack.project().read("api.pid").strip()) : null);
        ProcessHandle.of(daemon).ifPresent(seen::add);

        assertThat(DetailText.of(api.detail())).isEqualTo("exit 3");
        Await.until(WAIT, "the daemon to be ended with its service", () -> !Processes.alive(daemon));
    }
}
