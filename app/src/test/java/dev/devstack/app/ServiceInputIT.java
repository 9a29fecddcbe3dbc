package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user types reaches a service's standard input, and a {@code tty: true} service runs under
 * a terminal of its own: real processes, real pipes and pseudo-terminals.
 */
class ServiceInputIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ECHO = "sh -c 'while read -r l; do echo \\\"got: $l\\\"; done'";

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

    @Test
    void aLineTypedForAServiceReachesItsStandardInput() {
        Supervisor supervisor = stack.up("""
                services:
                  echo: { command: "%s", port: none }
                """.formatted(ECHO));
        await(supervisor, "echo", ServiceState.RUNNING);

        supervisor.input("echo", "hello");
        supervisor.input("echo", "wörld");

        awaitLine("echo", "got: hello");
        awaitLine("echo", "got: wörld");
    }

    @Test
    void aServiceWithoutTtyHasAPipeAndATtyServiceATerminalWithColoursAndTerm() {
        Supervisor supervisor = stack.up("""
                services:
                  piped: { command: "sh -c 'test -t 0 && echo tty || echo no tty'", port: none }
                  terminal:
                    command: "sh -c 'test -t 0 && test -t 1 && echo tty; echo TERM=$TERM; printf \\"\\\\033[31mred\\\\033[0m\\\\n\\"'"
                    port: none
                    tty: true
                """);

        await(supervisor, "piped", ServiceState.EXITED);
        await(supervisor, "terminal", ServiceState.EXITED);

        assertThat(lines("piped")).containsExactly("no tty");
        assertThat(lines("terminal")).containsExactly("tty", "TERM=xterm-256color", "\u001b[31mred\u001b[0m");
        List<StackEvent> events = stack.events();
        int lastLine = indexOf(events, e -> e instanceof StackEvent.Output o && o.line().endsWith("red\u001b[0m"));
        int exited = indexOf(events, e -> e instanceof StackEvent.StateChanged c && c.service().equals("terminal")
                && c.state() == ServiceState.EXITED);
        assertThat(lastLine).as("the terminal is drained before the exit is reported").isLessThan(exited);
    }

    @Test
    void aTtyServiceStartsWithTheDefaultSizeAndGetsEachNewOneWithSigwinch() throws IOException {
        Supervisor supervisor = stack.up("""
                services:
                  sized:
                    command: "sh -c 'trap \\"stty size\\" WINCH; stty size; while :; do sleep 0.1; done'"
                    port: none
                    tty: true
                """);
        awaitLine("sized", "24 80");

        supervisor.resizeTerminals(100, 30);

        awaitLine("sized", "30 100");
        long pid = await(supervisor, "sized", ServiceState.RUNNING).pid().orElseThrow();
        assertThat(Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/0")).toString()).startsWith("/dev/pts/");
    }

    @Test
    void aTtyServiceIsTypedIntoWithEnterAndSeesItsLineEchoedByTheTerminal() {
        Supervisor supervisor = stack.up("""
                services:
                  repl: { command: "%s", port: none, tty: true }
                """.formatted(ECHO));
        await(supervisor, "repl", ServiceState.RUNNING);

        supervisor.input("repl", "hello");

        awaitLine("repl", "got: hello");
        assertThat(lines("repl")).startsWith("hello");
    }

    @Test
    void stoppingTheStackEndsTtyServicesAndLetsGoOfEveryTerminal() throws Exception {
        long heldBefore = terminalsHeld();
        Supervisor supervisor = stack.up("""
                services:
                  forker: { command: "sh -c 'sleep 1000 & sleep 1000'", port: none, tty: true }
                  repl: { command: "%s", port: none, tty: true }
                """.formatted(ECHO));
        long forker = await(supervisor, "forker", ServiceState.RUNNING).pid().orElseThrow();
        long repl = await(supervisor, "repl", ServiceState.RUNNING).pid().orElseThrow();
        Await.until(WAIT, "the forker, its two sleeps and its lifeline", () -> Processes.group(forker).size() == 4);
        assertThat(terminalsHeld() - heldBefore).as("a master and a slave for each").isEqualTo(4);

        List<Long> everyProcess = new ArrayList<>(Processes.group(forker));
        everyProcess.addAll(Processes.group(repl));

        supervisor.stop().get(30, TimeUnit.SECONDS);

        // what is left of a group after its leader exited gets SIGKILL then; the kernel takes a moment
        Await.until(WAIT, "every process of the stack to be gone", () -> everyProcess.stream().noneMatch(Processes::alive));
        Await.until(WAIT, "every reader of a terminal to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("devstack-tty-")));
        supervisor.close();
        assertThat(terminalsHeld()).as("terminals devstack still holds").isEqualTo(heldBefore);
    }

    @Test
    void whatATtyServiceLeftRunningKeepsItsTerminalAfterTheLaunchedProcessExited() {
        // SIGHUP is ignored before the fork, as a daemon would: the session leader's exit hangs up its foreground group
        Supervisor supervisor = stack.up("""
                services:
                  daemon:
                    command: "trap '' HUP; (sleep 2; while :; do echo still-here; sleep 0.2; done) & echo $! >daemon.pid;
                      echo launched-done"
                    port: none
                    pidfile: daemon.pid
                    tty: true
                """);
        awaitLine("daemon", "launched-done");
        Await.until(WAIT, "the child to be the service's process", () -> stack.notices("daemon").stream()
                .anyMatch(notice -> notice.contains("that is the service's process now")));

        // the child's first line comes 2 s after the launched shell exited, well past the drain (500 ms)
        awaitLine("daemon", "still-here");
    }

    @Test
    void typingIntoAServiceThatCannotTakeItIsToldAsANotice() {
        Supervisor supervisor = stack.up("""
                services:
                  sleeper: { command: "sleep 1000", port: none }
                  done: { command: "true", port: none }
                """);
        await(supervisor, "sleeper", ServiceState.RUNNING);
        await(supervisor, "done", ServiceState.EXITED);

        supervisor.input("sleeper", "x".repeat(4096));
        for (int line = 0; line < 20; line++) {
            supervisor.input("sleeper", "y".repeat(4095));
        }
        supervisor.input("done", "hello");
        supervisor.input("nope", "hello");
        supervisor.input("sleeper", "two\nlines");

        Await.until(WAIT, "the notices", () -> stack.notices("sleeper").contains(
                "a typed line cannot hold a line break; send each line on its own") && stack.notices("done").size() == 1
                && stack.notices("").stream().anyMatch(n -> n.contains("nope")));
        assertThat(stack.notices("sleeper")).as("a 64 KiB pipe takes at most 16 lines of 4 KiB")
                .startsWith("a line typed into sleeper may have at most 4096 bytes with its Enter (PIPE_BUF, so that it"
                        + " arrives whole); this one has 4097, so it was not sent: send it in shorter lines, or put it"
                        + " in a file the service reads")
                .contains("it does not read its input: what was typed before still waits, and the line was not taken;"
                        + " check that its command reads stdin")
                .endsWith("a typed line cannot hold a line break; send each line on its own");
        assertThat(stack.notices("done")).containsExactly("it is exited, so it reads no input; start it first"
                + " (`devstack start done`), then type again");
    }

    private void awaitLine(String service, String line) {
        Await.until(WAIT, service + " to print `" + line + "` (it printed " + lines(service) + ")",
                () -> lines(service).contains(line));
    }

    private List<String> lines(String service) {
        return stack.events().stream().filter(e -> e instanceof StackEvent.Output o && o.service().equals(service)
                && o.source() == OutputSource.STDOUT).map(e -> ((StackEvent.Output) e).line()).toList();
    }

    private static int indexOf(List<StackEvent> events, Predicate<StackEvent> wanted) {
        for (int i = 0; i < events.size(); i++) {
            if (wanted.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event in " + events);
    }

    /** Descriptors of this JVM that are a pseudo-terminal's master or slave. */
    private static long terminalsHeld() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.equals("/dev/ptmx") || target.startsWith("/dev/pts/");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
