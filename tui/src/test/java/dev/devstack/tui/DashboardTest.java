package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.moved;
import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StopCause;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard drawn into a virtual terminal: what the screen says, and what keys do. */
class DashboardTest {

    private final Sleepers sleepers = new Sleepers();
    private FakeStack stack;
    private VirtualDashboard screen;
    private long api;
    private long web;

    @BeforeEach
    void threeServices() {
        api = sleepers.start();
        web = sleepers.start();
        stack = new FakeStack(List.of(
                service("api", ServiceState.READY, api, 4012, new ServiceDetail.Ready(new ReadinessFinding.PortAccepts(4012), Duration.ofMillis(310))),
                service("web", ServiceState.RUNNING, web, 4013, new ServiceDetail.Started(web)),
                service("worker", ServiceState.BACKOFF, 0, 0, new ServiceDetail.RestartScheduled(new ExitDescription.Natural(1), 3, Duration.ofSeconds(4)))),
                List.of(port("api", 4012), moved("web", 4013, 3000, "node dev.js")));
        screen = VirtualDashboard.of(stack, 120, 30);
    }

    @AfterEach
    void end() throws Exception {
        screen.close();
        sleepers.close();
    }

    @Test
    void theFirstScreenShowsTheHeaderTheTableAndTheSelectedServicesLogs() {
        String header = screen.awaitRow("devstack");
        assertThat(header).contains("devstack · shop (default) · 3 services · 1 ready · 1 running · 1 backoff"
                + " · web http://127.0.0.1:4100/").endsWith("12:03:44");
        screen.awaitRow("SERVICE", "STATE", "PORT", "PID", "UPTIME", "RESTARTS", "CPU", "MEM",
                "HEALTH / LAST EVENT");
        screen.awaitRow("api ", "● ready", "4012", Long.toString(api), "2m10s",
                "port 4012 accepts connections");
        screen.awaitRow("web ", "◐ running", "4013*");
        screen.awaitRow("worker", "↻ backoff", "exit 1, restart 3 in 4s");
        screen.awaitRow("logs: api", "following");
        assertThat(screen.awaitRow("api has printed nothing yet")).isNotEmpty();
        screen.awaitRow("r restart", "s stop/start", "K kill", "? help", "q quit");
        assertThat(screen.rowOf("q quit")).as("the footer is the last row").isEqualTo(29);
    }

    @Test
    void memoryAndCpuAreMeasuredOnTheServicesProcessGroups() {
        String row = screen.awaitRow(r -> r.contains("api ") && r.contains(" MB") && r.contains("%"), "api's usage");

        assertThat(row).containsPattern("\\d+\\.\\d% +\\d+ MB");
    }

    @Test
    void aStateChangeReachesTheTableTheHeaderAndTheLog() {
        screen.awaitRow("● ready");
        stack.set(List.of(
                service("api", ServiceState.CRASHED, 0, 4012, new ServiceDetail.Ended(new ExitDescription.Natural(3))),
                service("web", ServiceState.RUNNING, web, 4013, new ServiceDetail.Started(web)),
                service("worker", ServiceState.BACKOFF, 0, 0, new ServiceDetail.RestartScheduled(new ExitDescription.Natural(1), 3, Duration.ofSeconds(4)))),
                List.of(port("api", 4012), moved("web", 4013, 3000, "node dev.js")));
        stack.emit(new StackEvent.StateChanged(FakeStack.NOW, "api", ServiceState.CRASHED, new ServiceDetail.Ended(new ExitDescription.Natural(3))));

        screen.awaitRow("api  ", "✖ crashed", "exit 3");
        screen.awaitRow("devstack", "1 running · 1 backoff · 1 crashed");
        assertThat(screen.awaitRow("▸ crashed (exit 3)")).startsWith(" 12:03:44");
    }

    @Test
    void whenTheUrlsAreNamesAServicesLogTitleShowsItsNameAndOnlyThen() throws Exception {
        assertThat(screen.awaitRow("logs: api", "following")).doesNotContain("localhost");
        screen.close();
        stack = new FakeStack(stack.snapshot().services(), stack.snapshot().ports());

        screen = VirtualDashboard.named(stack, 120, 30, 2080);

        screen.awaitRow("logs: api", "http://api.shop.localhost:2080", "following");
        screen.press(KeyType.ArrowDown);
        screen.press(KeyType.ArrowDown);
        assertThat(screen.awaitRow("logs: worker")).as("a service without a port has no name")
                .doesNotContain("localhost");
    }

    @Test
    void selectingAServiceShowsItsLogsAndRestartAsksTheStack() {
        stack.print("web", "GET / 200");
        screen.awaitRow("logs: api");

        screen.press(KeyType.ArrowDown);

        screen.awaitRow("logs: web", "port 4013 moved: port 3000, which is in use by pid 88");
        screen.awaitRow("GET / 200");
        int row = screen.rowOf("◐ running");
        assertThat(screen.reversed(row, 3)).as("the selected row is highlighted").isTrue();
        assertThat(screen.reversed(screen.rowOf("● ready"), 3)).isFalse();

        screen.type('r');

        screen.awaitRow("restarting web");
        assertThat(stack.requests).containsExactly("restart web");
    }

    @Test
    void stopStartAndKillGoToTheSelectedService() {
        screen.awaitRow("● ready");
        screen.type('s');
        screen.awaitRow("stopping api");
        screen.type('j', 'j', 's');
        screen.awaitRow("stopping worker");
        stack.set(List.of(
                service("api", ServiceState.STOPPED, 0, 4012, new ServiceDetail.Ended(new ExitDescription.Signalled(Signal.TERM, new StopCause.Shutdown()))),
                service("web", ServiceState.RUNNING, web, 4013, new ServiceDetail.Started(web)),
                service("worker", ServiceState.STOPPED, 0, 0, new ServiceDetail.NotStarted(new StopCause.Asked(Optional.empty())))),
                List.of(port("api", 4012), port("web", 4013)));
        screen.awaitRow("worker", "■ stopped");
        screen.type('s');
        screen.awaitRow("starting worker");
        screen.type('k', 'K');
        screen.awaitRow("kill web's process group with SIGKILL? (y/n)");
        screen.type('n');
        screen.awaitRow("cancelled");
        screen.type('K', 'y');
        screen.awaitRow("SIGKILL sent to web");

        assertThat(stack.requests).containsExactly("stop api", "stop worker", "start worker", "kill web");
    }

    @Test
    void reloadAsksTheStackAndTheFooterSaysWhatChangedOrThatNothingDid() {
        screen.awaitRow("● ready");
        stack.reloadOutcome = new ReloadOutcome.Applied(List.of("cache"), List.of("old"), List.of("web"),
                List.of("api", "worker"));

        screen.type('R');

        screen.awaitRow("reloaded: starting cache; stopping old; restarting web; 2 unchanged");
        stack.reloadOutcome = new ReloadOutcome.Invalid(List.of(new ConfigProblem("ports.yaml", 3, 14, "no"),
                new ConfigProblem("ports.yaml", 7, 5, "nor this")));

        screen.type('R');

        screen.awaitRow("not reloaded: the configuration has 2 problems; nothing changed (the logs list every problem)");
        assertThat(stack.requests).containsExactly("reload", "reload");
    }

    @Test
    void theFilterKeepsMatchingServicesAndEscClearsIt() {
        screen.awaitRow("worker");

        screen.type('/', 'w', 'o');

        screen.awaitRow("filter: wo");
        screen.awaitGone("● ready");
        screen.awaitRow("worker", "backoff");
        assertThat(screen.awaitRow("logs: worker")).isNotEmpty();

        screen.press(KeyType.Enter);
        screen.awaitGone("filter: wo");
        assertThat(screen.awaitRow("filter \"wo\": 1 shown")).as("the kept filter is in the header").contains("devstack");
        screen.type('/', 'z');
        screen.awaitRow("no service matches \"woz\"");

        screen.press(KeyType.Escape);

        screen.awaitRow("● ready");
        screen.awaitRow("worker");
        screen.awaitGone(" shown");
    }

    @Test
    void logsFollowNewLinesPauseOnScrollAndSayHowManyCameSince() {
        for (int i = 1; i <= 200; i++) {
            stack.print("api", "line " + i);
        }
        screen.press(KeyType.Enter);
        screen.awaitRow("line 200");
        screen.awaitRow("logs: api", "following");

        screen.press(KeyType.PageUp);

        screen.awaitRow("logs: api", "paused · 26 newer · f follows");
        screen.awaitGone("line 200");
        screen.awaitRow("line 174");
        stack.print("api", "line 201");
        screen.awaitRow("logs: api", "paused · 27 newer · f follows");
        assertThat(screen.text()).doesNotContain("line 201");

        screen.type('f');

        screen.awaitRow("line 201");
        screen.awaitRow("logs: api", "following");
    }

    @Test
    void searchJumpsToHitsAndNGoesToOlderOnes() {
        stack.print("api", "GET /a took 5ms");
        for (int i = 1; i <= 100; i++) {
            stack.print("api", "filler " + i);
        }
        stack.print("api", "GET /b took 7ms");
        for (int i = 101; i <= 200; i++) {
            stack.print("api", "filler " + i);
        }
        screen.press(KeyType.Enter);
        screen.awaitRow("filler 200");

        screen.type('/', 't', 'o', 'o', 'k');
        screen.press(KeyType.Enter);

        screen.awaitRow("GET /b took 7ms");
        screen.awaitGone("filler 200");
        screen.type('n');
        screen.awaitRow("GET /a took 5ms");
        screen.type('n');
        screen.awaitRow("no older line contains \"took\"");
        screen.type('N');
        screen.awaitRow("GET /b took 7ms");
    }

    @Test
    void allLogsInterleaveEveryServiceWithItsName() {
        stack.print("api", "from api");
        stack.print("web", "from web");
        stack.emit(new StackEvent.Notice(FakeStack.NOW, "", "stopping the stack"));

        screen.type('a');

        assertThat(screen.awaitRow("logs: all services")).isNotEmpty();
        screen.awaitRow("from api", "12:03:44 api    | from api");
        screen.awaitRow("from web", "12:03:44 web    | from web");
        screen.awaitRow("stopping the stack", "system | stopping the stack");
    }

    @Test
    void theHelpOverlayListsEveryKeyAndEscClosesIt() {
        screen.awaitRow("● ready");

        screen.type('?');

        screen.awaitRow("Esc or ? closes");
        for (KeyHelp.Entry entry : KeyHelp.entries(DashboardMode.UP)) {
            assertThat(screen.awaitRow(entry.does())).contains(entry.keys());
        }

        screen.press(KeyType.Escape);

        screen.awaitGone("Esc or ? closes");
    }

    @Test
    void tooSmallATerminalSaysSoAndAGrownOneShowsEverythingAgain() {
        screen.awaitRow("● ready");

        screen.resize(50, 10);

        screen.awaitRow("terminal too small: 50x10");
        screen.awaitRow("the dashboard needs at least 60x15");

        screen.resize(60, 15);

        screen.awaitRow("api ", "● ready", "4012");
        screen.awaitRow("worker", "backoff");
        assertThat(screen.rows()).allSatisfy(row -> assertThat(row.length()).isLessThanOrEqualTo(60));

        screen.resize(200, 60);

        screen.awaitRow("api ", "port 4012 accepts connections after 0.31s");
        screen.awaitRow(row -> row.contains("q quit") && screen.rowOf("q quit") == 59, "the footer on the last row");
    }

    @Test
    void quitAsksFirstThenStopsTheStackAndTheDashboardEndsWhenItHasStopped() throws Exception {
        screen.awaitRow("● ready");

        screen.type('q');

        screen.awaitRow("stop 2 running services and quit? (y/n)");
        screen.type('y');
        screen.awaitRow("stopping the stack… Ctrl-C or q again kills what is left");
        assertThat(stack.requests).containsExactly("stop the stack");

        screen.ctrlC();

        screen.awaitRow("killing what is left with SIGKILL");
        assertThat(stack.requests).containsExactly("stop the stack", "stop the stack");
        stack.finished.complete(null);
        screen.awaitEnd();
    }

    @Test
    void ctrlCStopsAtOnceWithoutAsking() {
        screen.awaitRow("● ready");

        screen.ctrlC();

        screen.awaitRow("stopping the stack…");
        assertThat(stack.requests).containsExactly("stop the stack");
    }

    @Test
    void dDoesNotDetachTheDashboardOfUpWhoseStackEndsWithIt() {
        screen.awaitRow("● ready");

        screen.type('d', '?');

        screen.awaitRow("Esc or ? closes");
        assertThat(screen.text()).doesNotContain("detach");
        assertThat(stack.requests).isEmpty();
    }
}
