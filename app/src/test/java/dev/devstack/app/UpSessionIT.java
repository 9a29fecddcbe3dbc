package dev.devstack.app;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `up` end to end below the command line: real processes, real sockets, the real registry in a temp folder. */
class UpSessionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private TestProject project;
    private final List<UpSession> sessions = new ArrayList<>();
    private final List<StackEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        project = new TestProject(projectDir);
    }

    @AfterEach
    void endEverything() {
        for (UpSession session : sessions) {
            session.supervisor().snapshot().services().forEach(s -> s.pid().ifPresent(Processes::killGroup));
            session.close();
        }
    }

    private UpSession up(String yaml) {
        project.write("ports.yaml", yaml);
        UpSession session = UpSession.open(new ProjectContext(projectDir, System.getenv(), home, "default",
                Clock.systemUTC()), warnings::add);
        sessions.add(session);
        session.supervisor().subscribe(events::add);
        session.start();
        return session;
    }

    private static ServiceSnapshot await(UpSession session, String service, ServiceState state) {
        Await.until(WAIT, service + " to be " + state.word(),
                () -> session.supervisor().snapshot().service(service).orElseThrow().state() == state);
        return session.supervisor().snapshot().service(service).orElseThrow();
    }

    /** The events so far; the bus thread may be adding more while a test reads. */
    private List<StackEvent> events() {
        return new ArrayList<>(events);
    }

    /** Events reach listeners on the bus thread, a moment after the state they report. */
    private void awaitEvent(String what, Predicate<StackEvent> event) {
        Await.until(WAIT, what, () -> events().stream().anyMatch(event));
    }

    private static boolean stateChange(StackEvent event, String service, ServiceState state) {
        return event instanceof StackEvent.StateChanged change && change.service().equals(service) && change.state() == state;
    }

    private static StackOutcome stop(UpSession session) throws Exception {
        return session.supervisor().stop().get(30, TimeUnit.SECONDS);
    }

    @Test
    void eachServiceSeesItsPortAndThePortsAndUrlsOfTheOthers() throws Exception {
        UpSession session = up("""
                project: envtest
                services:
                  api: { command: "%s" }
                  web-ui: { command: "%s", depends_on: [api] }
                  worker: { command: "%s", port: none, depends_on: [web-ui] }
                """.formatted(service("--dump api.json --listen"), service("--dump web.json --listen"),
                service("--dump worker.json")));
        await(session, "worker", ServiceState.RUNNING);
        Await.until(WAIT, "the worker's environment dump", () -> project.exists("worker.json"));

        int api = session.supervisor().snapshot().service("api").orElseThrow().ports().get(0);
        int web = session.supervisor().snapshot().service("web-ui").orElseThrow().ports().get(0);
        Map<String, String> apiEnv = project.environment("api.json");
        Map<String, String> webEnv = project.environment("web.json");
        Map<String, String> workerEnv = project.environment("worker.json");

        assertThat(apiEnv).containsEntry("PORT", String.valueOf(api)).containsEntry("DEVSTACK_SERVICE", "api")
                .containsEntry("DEVSTACK_PROJECT", "envtest").containsEntry("DEVSTACK_INSTANCE", "default");
        assertThat(webEnv).containsEntry("PORT", String.valueOf(web))
                .containsEntry("API_PORT", String.valueOf(api)).containsEntry("API_HOST", "127.0.0.1")
                .containsEntry("API_URL", "http://127.0.0.1:" + api);
        assertThat(workerEnv).doesNotContainKey("PORT")
                .containsEntry("WEB_UI_PORT", String.valueOf(web)).containsEntry("WEB_UI_URL", "http://127.0.0.1:" + web)
                .containsEntry("API_PORT", String.valueOf(api));
        assertThat(api).isNotEqualTo(web);
    }

    @Test
    void theStateFolderStaysOutOfTheUsersRepository() throws Exception {
        git("init", "-q");
        project.write("ports.yaml", "services:\n  api: { command: \"%s\" }\n".formatted(service("--print hello --listen")));
        git("add", "ports.yaml", "testservice.py");
        UpSession session = up(project.read("ports.yaml"));
        await(session, "api", ServiceState.READY);
        Await.until(WAIT, "the log file", () -> project.exists(".devstack/logs/api.log"));

        assertThat(git("status", "--porcelain", "--untracked-files=all")).isEqualTo("A  ports.yaml\nA  testservice.py\n");
        assertThat(project.exists(".devstack/run.json")).isTrue();
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", projectDir.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aDependentStartsOnlyOnceItsDependencyAcceptsConnections() throws Exception {
        UpSession session = up("""
                services:
                  api: { command: "%s" }
                  web: { command: "%s", depends_on: [api] }
                """.formatted(service("--delay 1.0 --listen"), service("--probe API_PORT probe.txt --listen")));

        await(session, "web", ServiceState.READY);
        Await.until(WAIT, "web's probe of api", () -> project.exists("probe.txt") && !project.read("probe.txt").isEmpty());
        awaitEvent("web's ready event", e -> stateChange(e, "web", ServiceState.READY));

        assertThat(project.read("probe.txt")).isEqualTo("accepted");
        List<String> order = events().stream().filter(e -> e instanceof StackEvent.StateChanged)
                .map(e -> (StackEvent.StateChanged) e).map(e -> e.service() + " " + e.state().word()).toList();
        assertThat(order).containsSubsequence("api ready", "web starting");
        assertThat(order.indexOf("web starting")).isGreaterThan(order.indexOf("api ready"));
    }

    @Test
    void stoppingEndsEveryProcessOfEveryServiceGrandchildrenIncluded() throws Exception {
        UpSession session = up("""
                services:
                  forker: { command: "sh -c 'sleep 1000 & sleep 1000'", port: none }
                  api: { command: "%s" }
                """.formatted(service("--listen")));
        long forker = await(session, "forker", ServiceState.RUNNING).pid().orElseThrow();
        long api = await(session, "api", ServiceState.READY).pid().orElseThrow();
        Await.until(WAIT, "the forker, its two children and its lifeline", () -> Processes.group(forker).size() == 4);
        List<Long> everyProcess = new ArrayList<>(Processes.group(forker));
        everyProcess.addAll(Processes.group(api));

        StackOutcome outcome = stop(session);

        assertThat(outcome.stopRequested()).isTrue();
        // what is left of a group after its leader exited gets SIGKILL then; the kernel takes a moment
        Await.until(WAIT, "every process of the stack to be gone", () -> everyProcess.stream().noneMatch(Processes::alive));
        assertThat(outcome.services()).extracting(ServiceSnapshot::state).containsOnly(ServiceState.STOPPED);
        assertThat(outcome.services()).extracting(ServiceSnapshot::detail)
                .containsOnly(new ServiceDetail.Ended(new ExitDescription.Signalled(Signal.TERM,
                        new StopCause.Shutdown())));
    }

    @Test
    void servicesStopInReverseDependencyOrder() throws Exception {
        UpSession session = up("""
                services:
                  db: { command: "%s" }
                  api: { command: "%s", depends_on: [db] }
                  web: { command: "%s", depends_on: [api] }
                """.formatted(service("--listen"), service("--listen"), service("--listen")));
        await(session, "web", ServiceState.READY);

        stop(session);
        awaitEvent("db's stopped event", e -> stateChange(e, "db", ServiceState.STOPPED));

        List<String> stops = events().stream().filter(e -> e instanceof StackEvent.StateChanged change
                        && change.state() == ServiceState.STOPPED)
                .map(e -> ((StackEvent.StateChanged) e).service()).toList();
        assertThat(stops).containsExactly("web", "api", "db");
    }

    @Test
    void aServiceThatIgnoresSigtermIsKilledAfterItsStopTimeout() throws Exception {
        UpSession session = up("""
                services:
                  stubborn:
                    command: "sh -c 'trap \\"\\" TERM; echo trapped; while true; do sleep 1; done'"
                    port: none
                    stop_timeout: 300ms
                """);
        long pid = await(session, "stubborn", ServiceState.RUNNING).pid().orElseThrow();
        awaitEvent("the trap to be set", e -> e instanceof StackEvent.Output o && o.line().equals("trapped"));

        long started = System.nanoTime();
        StackOutcome outcome = stop(session);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(DetailText.of(outcome.services().get(0).detail())).isEqualTo("killed by devstack (SIGKILL)");
        // the leader's end is what stop waits for; its killed child may take a moment more to be reaped
        Await.until(WAIT, "the stubborn service's whole group to be gone", () -> Processes.group(pid).isEmpty());
    }

    @Test
    void aServiceThatExitsOnItsOwnIsReportedWhileTheRestKeepsRunning() throws Exception {
        UpSession session = up("""
                services:
                  flaky: { command: "%s", port: none }
                  steady: { command: "%s" }
                """.formatted(service("--print bye --exit 3"), service("--listen")));

        ServiceSnapshot flaky = await(session, "flaky", ServiceState.CRASHED);
        ServiceSnapshot steady = await(session, "steady", ServiceState.READY);

        assertThat(flaky.exitCode()).hasValue(3);
        assertThat(DetailText.of(flaky.detail())).isEqualTo("exit 3");
        assertThat(Processes.alive(steady.pid().orElseThrow())).isTrue();
        assertThat(session.supervisor().finished()).isNotDone();
    }

    @Test
    void whenEveryServiceHasEndedTheStackIsFinished() throws Exception {
        UpSession session = up("""
                services:
                  ok: { command: "%s", port: none }
                  bad: { command: "%s", port: none }
                """.formatted(service("--exit 0"), service("--exit 2")));

        StackOutcome outcome = session.supervisor().finished().get(30, TimeUnit.SECONDS);

        assertThat(outcome.stopRequested()).isFalse();
        assertThat(outcome.allSucceeded()).isFalse();
        assertThat(outcome.services()).extracting(ServiceSnapshot::state)
                .containsExactly(ServiceState.EXITED, ServiceState.CRASHED);
    }

    @Test
    void aDependencyThatDiesBeforeItIsReadyBlocksItsDependents() throws Exception {
        UpSession session = up("""
                services:
                  api: { command: "%s" }
                  web: { command: "%s", depends_on: [api] }
                """.formatted(service("--exit 1"), service("--listen")));

        ServiceSnapshot web = await(session, "web", ServiceState.BLOCKED);

        assertThat(DetailText.of(web.detail())).isEqualTo("waits for api to be ready, but it crashed (exit 1)");
        assertThat(project.exists("never")).isFalse();
    }

    @Test
    void aCommandThatDoesNotExistIsReportedAsSuch() throws Exception {
        UpSession session = up("services:\n  ghost: { command: no-such-command-here, port: none }\n");

        ServiceSnapshot ghost = await(session, "ghost", ServiceState.CRASHED);

        assertThat(DetailText.of(ghost.detail())).isEqualTo("exit 127: command not found (see its output above)");
        awaitEvent("the shell's complaint", e -> e instanceof StackEvent.Output out
                && out.line().contains("no-such-command-here: not found"));
    }

    @Test
    void outputArrivesWholeInOrderWithTheLastLineBeforeExit() throws Exception {
        UpSession session = up("""
                services:
                  talker:
                    command: "python3 -c \\"import sys; sys.stdout.write('grüße 🚀\\\\nline two\\\\nno newline at the end')\\""
                    port: none
                """);
        await(session, "talker", ServiceState.EXITED);
        session.close();
        sessions.clear();

        List<String> lines = events().stream().filter(e -> e instanceof StackEvent.Output)
                .map(e -> ((StackEvent.Output) e).line()).toList();
        assertThat(lines).containsExactly("grüße 🚀", "line two", "no newline at the end");
    }

    @Test
    void aForeignListenerOnAPreferredPortMovesTheServiceAndTheReasonNamesIt() throws Exception {
        int port = FreePorts.next();
        try (ForeignListener listener = ForeignListener.on(port)) {
            UpSession session = up("services:\n  api: { command: \"%s\", port: %d }\n".formatted(service("--listen"), port));

            ServiceSnapshot api = await(session, "api", ServiceState.READY);
            awaitEvent("api's ready event", e -> stateChange(e, "api", ServiceState.READY));

            assertThat(api.ports().get(0)).isNotEqualTo(port);
            assertThat(events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(StackEvent.Notice.class, n ->
                    assertThat(n.message()).startsWith("port " + api.ports().get(0) + " (moved: port " + port
                            + ", which is in use by pid " + listener.pid() + " (").contains("-c import socket, time")
                            .doesNotContain("\n")));
        }
    }

    @Test
    void aTakenStrictPortStopsUpAndNamesTheHoldersPid() throws Exception {
        int port = FreePorts.next();
        try (ForeignListener listener = ForeignListener.on(port)) {
            assertThatThrownBy(() -> up("services:\n  db: { command: \"%s\", port: %d, strict: true }\n"
                    .formatted(service("--listen"), port)))
                    .isInstanceOfSatisfying(DevstackException.class, e -> {
                        assertThat(e.category()).isEqualTo(ErrorCategory.PORT_CONFLICT);
                        assertThat(e.details()).singleElement().asString()
                                .startsWith("`db` needs port " + port + ", which is in use by pid " + listener.pid());
                    });
        }
    }

    @Test
    void theNextRunOfAProjectGetsTheSamePorts() throws Exception {
        String yaml = "services:\n  api: { command: \"%s\" }\n  web: { command: \"%s\" }\n"
                .formatted(service("--listen"), service("--listen"));
        UpSession first = up(yaml);
        List<Integer> firstPorts = List.of(await(first, "api", ServiceState.READY).ports().get(0),
                await(first, "web", ServiceState.READY).ports().get(0));
        stop(first);
        first.close();
        sessions.clear();
        events.clear();

        UpSession second = up(yaml);
        List<Integer> secondPorts = List.of(await(second, "api", ServiceState.READY).ports().get(0),
                await(second, "web", ServiceState.READY).ports().get(0));
        awaitEvent("web's ready event", e -> stateChange(e, "web", ServiceState.READY));

        assertThat(secondPorts).isEqualTo(firstPorts);
        assertThat(events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(StackEvent.Notice.class, n ->
                assertThat(n.message()).isEqualTo("port " + firstPorts.get(0) + " (same as last time)")));
    }

    @Test
    void theSameProjectCannotRunTwice() throws Exception {
        String yaml = "services:\n  api: { command: \"%s\" }\n".formatted(service("--listen"));
        up(yaml);

        assertThatThrownBy(() -> UpSession.open(new ProjectContext(projectDir, System.getenv(), home, "default",
                Clock.systemUTC()), warnings::add))
                .isInstanceOfSatisfying(DevstackException.class, e ->
                        assertThat(e.category()).isEqualTo(ErrorCategory.ALREADY_RUNNING));
    }
}
