package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Copy mode on the log pane: move, mark, copy to the clipboard and the copy file, never an escape code. */
class CopyModeTest {

    private final FakeStack stack = new FakeStack(List.of(
            service("api", ServiceState.RUNNING, 0, 4012, new ServiceDetail.None()),
            service("web", ServiceState.RUNNING, 0, 4013, new ServiceDetail.None())),
            List.of(port("api", 4012), port("web", 4013)));
    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    @ParameterizedTest
    @CsvSource({"60, 15", "120, 40", "200, 60"})
    void markedLinesGoToTheClipboardAndTheCopyFileAsPlainText(int columns, int rows) throws Exception {
        screen = VirtualDashboard.of(stack, columns, rows);
        stack.print("api", "first line");
        stack.print("api", "\u001b[31msecond\u001b[0m line");
        stack.print("api", "third line");
        screen.awaitRow("third line");

        screen.type('c');
        screen.awaitRow("copy:", "v mark", "Esc leaves");
        assertThat(screen.extras.mouse).as("the terminal's own selection works in copy mode").isFalse();
        screen.press(KeyType.ArrowUp);
        screen.type('k', 'v');
        screen.awaitRow("copy:", "v unmark", "marked lines");
        screen.type('j');
        screen.press(KeyType.ArrowDown);
        screen.type('y');

        screen.awaitRow("copied 3 lines (clipboard and ");
        assertThat(screen.extras.copied).containsExactly("first line\nsecond line\nthird line\n");
        assertThat(Files.readString(VirtualDashboard.COPY_FILE)).isEqualTo("first line\nsecond line\nthird line\n");
        awaitMouse(true);
    }

    @Test
    void theCursorLineAndTheMarkedOnesAreHighlighted() {
        screen = VirtualDashboard.of(stack, 100, 20);
        stack.print("api", "alpha");
        stack.print("api", "beta");
        stack.print("api", "gamma");
        screen.awaitRow("gamma");

        screen.type('c');
        screen.awaitRow("copy:");
        int gamma = screen.rowOf("gamma");
        assertThat(screen.reversed(gamma, screen.rows().get(gamma).indexOf("gamma"))).isTrue();
        assertThat(screen.reversed(screen.rowOf("beta"), screen.rows().get(screen.rowOf("beta")).indexOf("beta"))).isFalse();

        screen.type('v', 'k');
        awaitReversed("beta");
        awaitReversed("gamma");
        assertThat(screen.reversed(screen.rowOf("alpha"), screen.rows().get(screen.rowOf("alpha")).indexOf("alpha")))
                .isFalse();
    }

    @Test
    void escLeavesWithoutCopyingAndAServiceThatPrintedNothingHasNothingToCopy() {
        screen = VirtualDashboard.of(stack, 100, 20);
        screen.awaitRow("logs: api");
        screen.type('c');
        screen.awaitRow("nothing to copy yet: api has printed nothing");

        stack.print("api", "a line");
        screen.awaitRow("a line");
        screen.type('c');
        screen.awaitRow("copy:");
        screen.press(KeyType.Escape);
        screen.awaitGone("copy:");

        assertThat(screen.extras.copied).isEmpty();
    }

    private void awaitReversed(String text) {
        screen.awaitRow(row -> {
            int at = screen.rowOf(text);
            return at >= 0 && screen.reversed(at, screen.rows().get(at).indexOf(text));
        }, text + " highlighted");
    }

    private void awaitMouse(boolean on) {
        screen.awaitRow(row -> screen.extras.mouse == on, "the mouse " + (on ? "on" : "off"));
    }
}
