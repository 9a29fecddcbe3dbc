package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.RemoteStack;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack seen and driven through its control socket (`devstack attach`), against a real stack. */
class RemoteStackIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Up to 10,000 lines a second (50 every 5 ms), for ever. */
    private static final String CHATTY = "python3 -u -c 'import itertools, time; [print(\"line\", i) or (i % 50 == 0"
            + " and time.sleep(0.005)) for i in itertools.count()]'";
    private static final String BY = "`devstack attach` (a test)";

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;
    private final List<RemoteStack> remotes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() throws InterruptedException {
        for (RemoteStack remote : remotes) {
            remote.close();
        }
        stack.close();
    }

    private RemoteStack attach() throws Exception {
        RemoteStack remote = RemoteStack.connect(ControlClient.socket(home, projectDir.toString(), "default"), BY,
                Clock.systemUTC());
        remotes.add(remote);
        return remote;
    }

    @Test
    void whatIsTypedAndTheWindowsSizeReachTheStacksServicesThroughTheSocket() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  echo: { command: "sh -c 'while read -r l; do echo \\"got: $l\\"; done'", port: none }
                  sized:
                    command: "sh -c 'trap \\"stty size\\" WINCH; while :; do sleep 0.1; done'"
                    port: none
                    tty: true
                """);
        await(supervisor, "echo", ServiceState.RUNNING);
        await(supervisor, "sized", ServiceState.RUNNING);
        RemoteStack remote = attach();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        remote.subscribe(event -> seen.add(describe(event)));
        remote.start();

        remote.input("echo", "hello");
        remote.resizeTerminals(100, 30);
        remote.input("nope", "hello");

        Await.until(WAIT, "the typed line and the new size printed, seen through the socket",
                () -> seen.contains("line echo got: hello") && seen.contains("line sized 30 100"));
        Await.until(WAIT, "the refusal of a unit the stack does not have, as a notice", () -> seen.contains(
                "notice nope the stack refused: no unit of this stack is called \"nope\"; it has: echo, sized"));
    }

    @Test
    void theRemoteSeesEveryEventTheStackHeldAndEachNewOneInTheStacksOrder() throws Exception {
        Supervisor supervisor = stack.up("""
                services:
                  api: { command: "%s" }
                  web: { command: "%s" }
                """.formatted(service("--print api-up --listen"), service("--print web-up --listen")));
        ServiceSnapshot web = await(supervisor, "web", ServiceState.READY);
        await(supervisor, "api", ServiceState.READY);
        RemoteStack remote = attach();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        remote.subscribe(event -> seen.add(describe(event)));

        remote.start();
        remote.restartService("web");

        Await.until(WAIT, "web to run again under a new pid, seen through the socket", () -> remote.snapshot()
                .service("web").orElseThrow().pid().stream().anyMatch(pid -> pid != web.pid().orElseThrow())
                && remote.snapshot().service("web").orElseThrow().state() == ServiceState.READY);
        assertThat(remote.snapshot().service("web").orElseThrow().ports()).isEqualTo(web.ports());
        Await.until(WAIT, "the remote to have seen web ready again", () -> new ArrayList<>(seen).stream()
                .filter(e -> e.equals("state web ready")).count() == 2);
        List<String> local = stack.events().stream().map(RemoteStackIT::describe).toList();
        List<String> remoteSeen = new ArrayList<>(seen);
        assertThat(remoteSeen).as("what the remote saw, from the stack's first event")
                .isEqualTo(local.subList(0, remoteSeen.size()));
        assertThat(remoteSeen).contains("line api api-up", "line web web-up", "notice web restart asked by " + BY);
    }

    /** The remote is finished once the stack's `up` has closed its socket, as it does when the stack has stopped. */
    @Test
    void stopEndsTheStackAndFinishedSaysItWasAsked() throws Exception {
        stack.project().write("ports.yaml", "services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        UpSession session = UpSession.open(new ProjectContext(projectDir, System.getenv(), home, "default",
                Clock.systemUTC()), UpOptions.ALL, warning -> { });
        List<StackEvent> local = Collections.synchronizedList(new ArrayList<>());
        session.supervisor().subscribe(local::add);
        boolean closed = false;
        long pid = 0;
        try {
            session.start();
            Supervisor supervisor = session.supervisor();
            pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();
            RemoteStack remote = attach();
            remote.start();

            remote.stop();

            supervisor.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(remote.finished()).as("finished while the stack's socket still answers").isNotDone();
            session.close();
            closed = true;
            StackOutcome outcome = remote.finished().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(outcome.stopRequested()).isTrue();
            assertThat(outcome.services()).extracting(ServiceSnapshot::name).containsExactly("api");
            assertThat(new ArrayList<>(local)).anySatisfy(event -> assertThat(event)
                    .isEqualTo(new StackEvent.Notice(event.at(), "", "stop of the stack asked by " + BY)));
            long api = pid;
            Await.until(WAIT, "api's process to be gone", () -> !Processes.alive(api));
        } finally {
            if (!closed) {
                session.close();
            }
            Processes.killGroup(pid);
        }
    }

    @Test
    void aRefusalIsToldInTheEventsAndNothingChanges() throws Exception {
        Supervisor supervisor = stack.up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();
        RemoteStack remote = attach();
        List<StackEvent> seen = Collections.synchronizedList(new ArrayList<>());
        remote.subscribe(seen::add);
        remote.start();

        remote.killService("nope");

        Await.until(WAIT, "the refusal", () -> new ArrayList<>(seen).stream().anyMatch(e -> e instanceof StackEvent.Notice n
                && n.service().equals("nope") && n.message().startsWith("the stack refused: no service of this stack"
                + " is called \"nope\"")));
        assertThat(supervisor.snapshot().service("api").orElseThrow().pid().orElseThrow()).isEqualTo(pid);
    }

    @Test
    void noStackNoRemote() {
        assertThatThrownBy(this::attach).isInstanceOf(ControlClient.NotRunning.class);
    }

    @Test
    void aRemoteTooSlowToReadIsCutOffReconnectsAfterTheLastEventItSawAndSaysSo() throws Exception {
        Supervisor supervisor = stack.up("services:\n  chatty:\n    command: " + CHATTY + "\n");
        Await.until(WAIT, "some lines", () -> supervisor.lastSequence() > 50);
        RemoteStack remote = attach();
        CountDownLatch slow = new CountDownLatch(1);
        List<StackEvent> seen = Collections.synchronizedList(new ArrayList<>());
        remote.subscribe(event -> {
            seen.add(event);
            awaitQuietly(slow);
        });
        remote.start();
        Await.until(WAIT, "the first event", () -> !seen.isEmpty());
        long stuckAt = supervisor.lastSequence();

        // 10,000 waiting here, what the socket buffers, then 20,000 in the stack's outbox: it must have cut us off
        Await.until(Duration.ofSeconds(60), "60,000 more events", () -> supervisor.lastSequence() > stuckAt + 60_000);
        slow.countDown();

        int reconnected = Await.value(WAIT, "the notice of the reconnection", () -> {
            List<StackEvent> now = new ArrayList<>(seen);
            for (int i = 0; i < now.size(); i++) {
                if (now.get(i) instanceof StackEvent.Notice n
                        && n.message().equals("the stack cut this dashboard off, as it read too slowly; it reconnected")) {
                    return i;
                }
            }
            return null;
        });
        Await.until(WAIT, "lines printed after the reconnection", () -> seen.size() > reconnected + 1000);
        assertThat(new ArrayList<>(seen).subList(reconnected + 1, reconnected + 1000))
                .allSatisfy(event -> assertThat(event).isInstanceOfAny(StackEvent.Output.class, StackEvent.Notice.class));
        assertThat(remote.finished()).isNotDone();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event without its time (the socket carries it, but a local listener and a remote one read it apart). */
    private static String describe(StackEvent event) {
        if (event instanceof StackEvent.Output output) {
            return "line " + output.service() + " " + output.line();
        }
        if (event instanceof StackEvent.StateChanged change) {
            return "state " + change.service() + " " + change.state().word();
        }
        if (event instanceof StackEvent.Notice notice) {
            return "notice " + notice.service() + " " + notice.message();
        }
        return "processes " + ((StackEvent.ProcessesChanged) event).service();
    }
}
