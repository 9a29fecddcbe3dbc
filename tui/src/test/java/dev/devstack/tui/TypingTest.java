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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `t`: the footer says where keys go, each line goes to the service on Enter, Esc stops; the mouse is the terminal's meanwhile. */
class TypingTest {

    private final FakeStack stack = new FakeStack(List.of(
            service("api", ServiceState.RUNNING, 0, 4012, new ServiceDetail.None()),
            service("repl", ServiceState.RUNNING, 0, 0, new ServiceDetail.None())),
            List.of(port("api", 4012)));
    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    @ParameterizedTest
    @CsvSource({"60, 15", "120, 40", "200, 60"})
    void linesTypedGoToTheSelectedServiceUntilEsc(int columns, int rows) {
        screen = VirtualDashboard.of(stack, columns, rows);
        screen.awaitRow("logs: api");
        screen.press(KeyType.ArrowDown);
        screen.awaitRow("logs: repl");

        screen.type('t');
        screen.awaitRow("typing to repl:");
        screen.awaitRow(row -> !screen.extras.mouse, "the mouse left to the terminal");
        screen.type('h', 'e', 'l', 'x');
        screen.press(KeyType.Backspace);
        screen.type('l', 'o', 'q');
        screen.awaitRow("typing to repl: helloq");
        screen.press(KeyType.Backspace);
        screen.press(KeyType.Enter);
        screen.type('2', ' ', '+', ' ', '2');
        screen.press(KeyType.Enter);
        screen.awaitRow(row -> stack.requests.contains("input repl 2 + 2"), "the second line sent");
        screen.press(KeyType.Escape);

        screen.awaitGone("typing to repl");
        assertThat(stack.requests).containsSubsequence("input repl hello", "input repl 2 + 2");
        assertThat(stack.requests).as("keys typed are not commands").doesNotContain("stop the stack");
        screen.awaitRow(row -> screen.extras.mouse, "the mouse the dashboard's again");
    }

    @Test
    void ctrlCWhileTypingStopsTypingNotTheStack() {
        screen = VirtualDashboard.of(stack, 100, 20);
        screen.awaitRow("logs: api");
        screen.type('t', 'x');
        screen.awaitRow("typing to api: x");

        screen.ctrlC();

        screen.awaitRow("stopped typing into api; Ctrl-C again stops the stack");
        assertThat(stack.requests).doesNotContain("stop the stack");
        screen.ctrlC();
        screen.awaitRow(row -> stack.requests.contains("stop the stack"), "the stack stopped by the second Ctrl-C");
    }

    @ParameterizedTest
    @CsvSource({"60, 15, 50, 12", "120, 40, 110, 37", "200, 60, 190, 57"})
    void servicesTerminalsGetTheLogViewsSizeAtOnceAndAfterAResize(int columns, int rows, int width, int height) {
        screen = VirtualDashboard.of(stack, 100, 30);
        screen.awaitRow(row -> stack.sizes.contains("90x27"), "the first size");

        screen.resize(columns, rows);

        screen.awaitRow(row -> stack.sizes.contains(width + "x" + height), "the new size");
    }
}
