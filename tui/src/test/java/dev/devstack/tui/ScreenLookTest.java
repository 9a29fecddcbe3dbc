package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The same screen in 16 colours, 256 colours, no colours, and plain ASCII. */
class ScreenLookTest {

    /** The state cell of a service that is not selected (a selected row is drawn reversed, in default colours). */
    private static TextCharacter stateCell(Map<String, String> environment) throws Exception {
        FakeStack stack = new FakeStack(List.of(service("api", ServiceState.STOPPED, 0, 4012, new ServiceDetail.None()),
                service("web", ServiceState.READY, 0, 4013, new ServiceDetail.None())), List.of(port("api", 4012), port("web", 4013)));
        try (VirtualDashboard screen = new VirtualDashboard(100, 20, stack, stack, stack.finished, List::of,
                environment, Clock.fixed(FakeStack.NOW, ZoneOffset.UTC), Optional.empty())) {
            String row = screen.awaitRow("web ", "ready");
            int rowIndex = screen.rowOf("web ");
            return screen.terminal.getCharacter(row.indexOf("ready"), rowIndex);
        }
    }

    @Test
    void aReadyStateIsGreenInSixteenColours() throws Exception {
        assertThat(stateCell(Map.of("TERM", "xterm", "LANG", "C.UTF-8")).getForegroundColor())
                .isEqualTo(TextColor.ANSI.GREEN);
    }

    @Test
    void twoHundredFiftySixColoursWhenTheTerminalHasThem() throws Exception {
        assertThat(stateCell(Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8")).getForegroundColor())
                .isInstanceOf(TextColor.Indexed.class);
    }

    @Test
    void noColourAtAllWithNoColor() throws Exception {
        assertThat(stateCell(Map.of("TERM", "xterm-256color", "NO_COLOR", "1", "LANG", "C.UTF-8")).getForegroundColor())
                .isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void asciiMarksOutsideAUtf8Locale() throws Exception {
        FakeStack stack = new FakeStack(List.of(service("api", ServiceState.READY, 0, 4012, new ServiceDetail.None())),
                List.of(port("api", 4012)));
        try (VirtualDashboard screen = new VirtualDashboard(100, 20, stack, stack, stack.finished, List::of,
                Map.of("TERM", "xterm", "LANG", "C"), Clock.fixed(FakeStack.NOW, ZoneOffset.UTC),
                Optional.empty())) {
            screen.awaitRow("api ", "* ready");
            screen.awaitRow("devstack - shop (default) - 1 service - 1 ready");
            assertThat(screen.text()).doesNotContain("●", "·", "─");
        }
    }
}
