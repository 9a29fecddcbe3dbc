package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard of `devstack attach`: leaving it may leave the stack running, and it says so. */
class AttachedDashboardTest {

    private final Sleepers sleepers = new Sleepers();
    private FakeStack stack;
    private VirtualDashboard screen;

    @BeforeEach
    void twoServices() {
        long api = sleepers.start();
        long web = sleepers.start();
        stack = new FakeStack(List.of(
                service("api", ServiceState.READY, api, 4012, new ServiceDetail.Ready(new ReadinessFinding.PortAccepts(4012), Duration.ofMillis(310))),
                service("web", ServiceState.RUNNING, web, 4013, new ServiceDetail.Started(web))),
                List.of(port("api", 4012), port("web", 4013)));
        screen = VirtualDashboard.attached(stack, 120, 30);
    }

    @AfterEach
    void end() throws Exception {
        screen.close();
        sleepers.close();
    }

    @Test
    void theHeaderSaysAttachedAndTheFooterOffersDetach() {
        assertThat(screen.awaitRow("devstack")).contains("devstack · shop (default) · attached · 2 services");
        screen.awaitRow("r restart", "? help", "d detach  q quit");
    }

    @Test
    void dDetachesWithoutAskingAnythingOfTheStack() throws Exception {
        screen.awaitRow("● ready");

        screen.type('d');

        assertThat(screen.awaitEnd()).as("detached").isTrue();
        assertThat(stack.requests).isEmpty();
    }

    @Test
    void qAsksAndDetachIsAnAnswer() throws Exception {
        screen.awaitRow("● ready");

        screen.type('q');
        screen.awaitRow("stop the stack and its 2 running services, or only detach? (s stops, d detaches)");
        screen.type('d');

        assertThat(screen.awaitEnd()).as("detached").isTrue();
        assertThat(stack.requests).isEmpty();
    }

    @Test
    void qThenSStopsTheStackAndTheDashboardEndsWhenItHasStopped() throws Exception {
        screen.awaitRow("● ready");

        screen.type('q', 'S');

        screen.awaitRow("stopping the stack… Ctrl-C or q again kills what is left");
        assertThat(stack.requests).containsExactly("stop the stack");
        screen.ctrlC();
        screen.awaitRow("killing what is left with SIGKILL");
        assertThat(stack.requests).containsExactly("stop the stack", "stop the stack");
        stack.finished.complete(null);
        assertThat(screen.awaitEnd()).as("detached").isFalse();
    }

    @Test
    void anyOtherAnswerCancelsAndTheDashboardStays() {
        screen.awaitRow("● ready");

        screen.type('q', 'y');

        screen.awaitRow("cancelled");
        screen.type('q');
        screen.awaitRow("or only detach?");
        screen.press(KeyType.Escape);
        screen.awaitRow("cancelled");
        assertThat(stack.requests).isEmpty();
    }

    @Test
    void ctrlCDetachesAtOnce() throws Exception {
        screen.awaitRow("● ready");

        screen.ctrlC();

        assertThat(screen.awaitEnd()).as("detached").isTrue();
        assertThat(stack.requests).isEmpty();
    }

    @Test
    void theHelpListsTheKeysOfAnAttachedDashboard() {
        screen.awaitRow("● ready");

        screen.type('?');

        screen.awaitRow("Esc or ? closes");
        for (KeyHelp.Entry entry : KeyHelp.entries(DashboardMode.ATTACHED)) {
            assertThat(screen.awaitRow(entry.does())).contains(entry.keys());
        }
        assertThat(screen.text()).doesNotContain("stop the stack and quit");
    }
}
