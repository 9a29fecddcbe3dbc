package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service's colours reach the log pane, without a byte of their escape codes; NO_COLOR drops them. */
class ServiceColoursTest {

    private final FakeStack stack = new FakeStack(List.of(service("api", ServiceState.RUNNING, 0, 4012,
            new ServiceDetail.None())), List.of(port("api", 4012)));
    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    @Test
    void aLineKeepsItsColoursAndLosesItsEscapes() {
        screen = VirtualDashboard.inEnvironment(stack, 100, 20, Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8"));
        stack.print("api", "\u001b[31mfailed\u001b[0m then \u001b[38;5;208mwarned\u001b[m plain");

        String row = screen.awaitRow("failed then warned plain");
        int at = screen.rowOf("failed then warned plain");

        assertThat(row).doesNotContain("[31m").doesNotContain("?");
        assertThat(screen.foreground(at, row.indexOf("failed"))).isEqualTo(TextColor.ANSI.RED);
        assertThat(screen.foreground(at, row.indexOf("then"))).isNull();
        assertThat(screen.foreground(at, row.indexOf("warned") + 5)).isEqualTo(new TextColor.Indexed(208));
    }

    @Test
    void noColorDrawsTheLinePlain() {
        screen = VirtualDashboard.inEnvironment(stack, 100, 20, Map.of("TERM", "xterm-256color", "NO_COLOR", "1"));
        stack.print("api", "\u001b[31mfailed\u001b[0m");

        String row = screen.awaitRow("failed");

        assertThat(screen.foreground(screen.rowOf("failed"), row.indexOf("failed"))).isNull();
    }
}
