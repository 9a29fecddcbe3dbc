package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.devstack.app.ProcessGroupResources;
import dev.devstack.app.view.PortRows;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A dashboard drawing into Lanterna's virtual terminal on its own thread, read back as text rows:
 * those of the last frame it flushed, never a frame half drawn.
 */
final class VirtualDashboard implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** Where copies go: a name the tests read back, relative as a project's file is shown. */
    static final Path COPY_FILE = Path.of("target", "copied-by-test.txt");

    final DefaultVirtualTerminal terminal;
    final RecordingExtras extras = new RecordingExtras();
    final Dashboard dashboard;
    private final Thread thread;
    private final CompletableFuture<?> finished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<List<String>> flushed = new AtomicReference<>(List.of());
    private final AtomicBoolean detached = new AtomicBoolean();

    VirtualDashboard(int columns, int rows, StackView stack, StackControl control, CompletableFuture<?> finished,
                     PortRows machinePorts, Map<String, String> environment, Clock clock, Optional<String> apiUrl) {
        this(columns, rows, stack, control, finished, machinePorts, environment, clock, apiUrl, DashboardMode.UP,
                OptionalInt.empty());
    }

    VirtualDashboard(int columns, int rows, StackView stack, StackControl control, CompletableFuture<?> finished,
                     PortRows machinePorts, Map<String, String> environment, Clock clock, Optional<String> apiUrl,
                     DashboardMode mode, OptionalInt agentPort) {
        this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        terminal.addVirtualTerminalListener(new VirtualTerminalListener() {
            @Override
            public void onFlush() {
                flushed.set(read());
            }

            @Override
            public void onBell() {
            }

            @Override
            public void onClose() {
            }

            @Override
            public void onResized(Terminal resized, TerminalSize size) {
            }
        });
        this.finished = finished;
        try {
            this.dashboard = new Dashboard(new TerminalScreen(terminal), extras, stack, control,
                    new DashboardContext(machinePorts, ProcessGroupResources.measured(), environment, clock, ZoneOffset.UTC,
                            apiUrl, "default", agentPort, text -> {
                                Files.writeString(COPY_FILE, text);
                                return COPY_FILE;
                            }), mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(() -> {
            try {
                detached.set(dashboard.run(finished, false));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "test-dashboard");
        thread.start();
    }

    static VirtualDashboard of(FakeStack stack, int columns, int rows) {
        return of(stack, columns, rows, List::of);
    }

    static VirtualDashboard of(FakeStack stack, int columns, int rows, PortRows machinePorts) {
        return new VirtualDashboard(columns, rows, stack, stack, stack.finished, machinePorts,
                Map.of("TERM", "xterm", "LANG", "C.UTF-8"), Clock.fixed(FakeStack.NOW, ZoneOffset.UTC),
                Optional.of("http://127.0.0.1:4100"));
    }

    /** The dashboard of `up` in a terminal whose environment is {@code environment}. */
    static VirtualDashboard inEnvironment(FakeStack stack, int columns, int rows, Map<String, String> environment) {
        return new VirtualDashboard(columns, rows, stack, stack, stack.finished, List::of, environment,
                Clock.fixed(FakeStack.NOW, ZoneOffset.UTC), Optional.empty());
    }

    /** The dashboard of `devstack attach` on the stack. */
    static VirtualDashboard attached(FakeStack stack, int columns, int rows) {
        return new VirtualDashboard(columns, rows, stack, stack, stack.finished, List::of,
                Map.of("TERM", "xterm", "LANG", "C.UTF-8"), Clock.fixed(FakeStack.NOW, ZoneOffset.UTC),
                Optional.empty(), DashboardMode.ATTACHED, OptionalInt.empty());
    }

    /** The dashboard of a stack whose URLs are its services' names through the agent on {@code agentPort}. */
    static VirtualDashboard named(FakeStack stack, int columns, int rows, int agentPort) {
        return new VirtualDashboard(columns, rows, stack, stack, stack.finished, List::of,
                Map.of("TERM", "xterm", "LANG", "C.UTF-8"), Clock.fixed(FakeStack.NOW, ZoneOffset.UTC),
                Optional.empty(), DashboardMode.UP, OptionalInt.of(agentPort));
    }

    void type(char... characters) {
        for (char c : characters) {
            dashboard.press(new KeyStroke(c, false, false));
        }
    }

    void press(KeyType key) {
        dashboard.press(new KeyStroke(key));
    }

    void click(int column, int row) {
        dashboard.press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(column, row)));
        dashboard.press(new MouseAction(MouseActionType.CLICK_RELEASE, 1, new TerminalPosition(column, row)));
    }

    void wheel(boolean up, int column, int row) {
        dashboard.press(new MouseAction(up ? MouseActionType.SCROLL_UP : MouseActionType.SCROLL_DOWN, 4,
                new TerminalPosition(column, row)));
    }

    void ctrlC() {
        dashboard.press(new KeyStroke('c', true, false));
    }

    /** The rows of the last frame the dashboard finished drawing. */
    List<String> rows() {
        return flushed.get();
    }

    /** Called on the dashboard's thread as it flushes a frame, so that no cell of the next one is read. */
    private List<String> read() {
        TerminalSize size = terminal.getTerminalSize();
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < size.getColumns(); column++) {
                TextCharacter character = terminal.getCharacter(column, row);
                text.append(character == null ? " " : character.getCharacterString());
            }
            rows.add(text.toString().stripTrailing());
        }
        return rows;
    }

    String text() {
        return String.join("\n", rows());
    }

    /** The first row that contains all of {@code texts}, once one does. */
    String awaitRow(String... texts) {
        return awaitRow(row -> Arrays.stream(texts).allMatch(row::contains),
                "row with " + String.join(" and ", texts));
    }

    String awaitRow(Predicate<String> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(failure.get()).as("the dashboard failed").isNull();
            for (String row : rows()) {
                if (wanted.test(row)) {
                    return row;
                }
            }
            sleepBriefly();
        }
        throw new AssertionError("no " + what + " within " + WAIT + "; the screen:\n" + text());
    }

    /** The rows of the first frame that differs from {@code before}, once one does. */
    List<String> awaitChange(List<String> before) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(failure.get()).as("the dashboard failed").isNull();
            List<String> now = rows();
            if (!now.equals(before)) {
                return now;
            }
            sleepBriefly();
        }
        throw new AssertionError("the screen did not change within " + WAIT + ":\n" + text());
    }

    void awaitGone(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!text().contains(text)) {
                return;
            }
            sleepBriefly();
        }
        throw new AssertionError("\"" + text + "\" still on screen after " + WAIT + ":\n" + text());
    }

    int rowOf(String text) {
        List<String> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    boolean reversed(int row, int column) {
        return terminal.getCharacter(column, row).getModifiers().contains(SGR.REVERSE);
    }

    /** The colour the character at the cell is drawn in; null: the terminal's own. */
    TextColor foreground(int row, int column) {
        TextColor colour = terminal.getCharacter(column, row).getForegroundColor();
        return colour == TextColor.ANSI.DEFAULT ? null : colour;
    }

    void resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
    }

    /** Waits for the dashboard to end by itself (after its stack finished, or a detach); true if detached. */
    boolean awaitEnd() throws InterruptedException {
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).as("the dashboard still runs").isFalse();
        assertThat(failure.get()).isNull();
        return detached.get();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        finished.complete(null);
        thread.join(WAIT.toMillis());
    }
}
