package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mouse: a click selects a row, the wheel scrolls the logs, a click on a port copies its URL. */
class MouseTest {

    private final FakeStack stack = new FakeStack(List.of(
            service("api", ServiceState.RUNNING, 0, 4012, new ServiceDetail.None()),
            service("web", ServiceState.RUNNING, 0, 4013, new ServiceDetail.None()),
            service("worker", ServiceState.RUNNING, 0, 0, new ServiceDetail.None())),
            List.of(port("api", 4012), port("web", 4013)));
    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    @Test
    void aClickSelectsTheRowUnderIt() {
        screen = VirtualDashboard.of(stack, 100, 20);
        screen.awaitRow("logs: api");
        assertThat(screen.extras.mouse).isTrue();

        screen.click(3, screen.rowOf(" worker "));
        screen.awaitRow("logs: worker");
        screen.click(50, screen.rowOf(" web  "));
        screen.awaitRow("logs: web");
        screen.click(3, 0);
        screen.type('?');
        screen.awaitRow("Esc or ? closes");
        screen.press(KeyType.Escape);
        screen.awaitGone("Esc or ? closes");

        assertThat(screen.text()).as("a click on the header, handled before the help, selected nothing")
                .contains("logs: web");
    }

    @Test
    void theWheelScrollsTheLogPane() {
        screen = VirtualDashboard.of(stack, 100, 20);
        for (int i = 1; i <= 40; i++) {
            stack.print("api", "line " + i);
        }
        screen.awaitRow("line 40");

        screen.wheel(true, 10, 15);
        screen.awaitRow("logs: api", "paused", "3 newer");
        screen.wheel(false, 10, 15);

        screen.awaitRow("logs: api", "following");
    }

    @Test
    void aClickOnAPortInThePortsViewCopiesItsUrl() {
        screen = VirtualDashboard.of(stack, 100, 20);
        screen.type('p');
        String row = screen.awaitRow(" web ", "4013", "same as last time");

        screen.click(row.indexOf("4013"), screen.rowOf("4013"));

        screen.awaitRow("copied http://127.0.0.1:4013 (clipboard and " + VirtualDashboard.COPY_FILE + ")");
        assertThat(screen.extras.copied).containsExactly("http://127.0.0.1:4013");
    }
}
