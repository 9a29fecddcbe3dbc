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

/** The help lists every key; on a small screen it scrolls and says there is more. */
class HelpOverlayTest {

    private final FakeStack stack = new FakeStack(List.of(service("api", ServiceState.RUNNING, 0, 4012,
            new ServiceDetail.None())), List.of(port("api", 4012)));
    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    @Test
    void onTheSmallestScreenTheHelpScrollsToItsLastKey() {
        screen = VirtualDashboard.of(stack, 60, 15);
        screen.awaitRow("logs: api");

        screen.type('?');
        screen.awaitRow("more", "Esc or ? closes");
        assertThat(screen.text()).doesNotContain("stop the stack and quit at once");
        for (int i = 0; i < KeyHelp.entries(DashboardMode.UP).size(); i++) {
            screen.press(KeyType.ArrowDown);
        }

        screen.awaitRow("Ctrl-C", "stop the stack and quit at once");
        screen.press(KeyType.Escape);
        screen.awaitGone("Esc or ? closes");
    }

    @Test
    void onALargeScreenEveryKeyIsShownAtOnce() {
        screen = VirtualDashboard.of(stack, 200, 60);
        screen.awaitRow("logs: api");

        screen.type('?');

        screen.awaitRow("Esc or ? closes");
        for (KeyHelp.Entry entry : KeyHelp.entries(DashboardMode.UP)) {
            screen.awaitRow(entry.does());
        }
        assertThat(screen.text()).doesNotContain("more ·");
    }
}
