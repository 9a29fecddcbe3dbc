package dev.devstack.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The full-screen dashboard of `devstack up` and `devstack attach` (DESIGN §10), on Lanterna's
 * Screen layer with our own loop: the drawing thread sleeps until an event, a key, a resize or the
 * next second, draws the whole frame into the back buffer and lets Lanterna send only the cells
 * that changed, at most {@value #MAX_FRAMES_PER_SECOND} times a second. It never reads files or
 * waits on a process: CPU, memory and the machine's ports are sampled on another thread.
 */
public final class Dashboard {

    private static final int MIN_COLUMNS = 60;
    private static final int MIN_ROWS = 15;
    private static final int MAX_FRAMES_PER_SECOND = 30;
    /** "HH:mm:ss " before each log line. */
    private static final int CLOCK_COLUMNS = 9;
    /** The most characters sent to the clipboard at once: terminals refuse, or choke on, much longer sequences. */
    private static final int CLIPBOARD_LIMIT = 74_000;
    private static final long FRAME_NANOS = TimeUnit.SECONDS.toNanos(1) / MAX_FRAMES_PER_SECOND;
    private static final Duration INSPECT_EVERY = Duration.ofSeconds(2);

    private final TerminalScreen screen;
    private final TerminalExtras extras;
    private final StackView stack;
    private final StackControl control;
    private final DashboardContext context;
    private final DashboardMode mode;
    private final Theme theme;
    private final Symbols symbols;
    private final ViewState view = new ViewState();
    private final LogBook logs = new LogBook();
    private final Wakeup wakeup = new Wakeup();
    private final Queue<KeyStroke> keys = new ConcurrentLinkedQueue<>();
    /** Work other threads hand to the drawing thread: what a reload or a copy did, said in the footer. */
    private final Queue<Runnable> later = new ConcurrentLinkedQueue<>();
    private final ScreenTargets targets = new ScreenTargets();
    private final KeyHandler handler;
    private final ResourceMonitor resources;
    private final PortsMonitor ports;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-dashboard-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Subscription subscription;
    private List<ServiceSnapshot> visible = List.of();
    /** The services' terminals have been told the screen's size (on the first frame, then at each resize). */
    private boolean terminalsSized;
    /** The inspection the drawing thread is woken for when it comes. */
    private CompletableFuture<ServiceInspection> watchedInspection;
    /** The user detached (attached dashboards only); set and read on the drawing thread. */
    private boolean detached;

    /**
     * Listens to the stack from now on, so that nothing it says before {@link #run} is missed.
     * {@link TerminalSession#dashboard} makes the dashboard of a real terminal.
     */
    Dashboard(TerminalScreen screen, TerminalExtras extras, StackView stack, StackControl control,
              DashboardContext context, DashboardMode mode) {
        this.screen = screen;
        this.extras = extras;
        this.stack = stack;
        this.control = control;
        this.context = context;
        this.mode = mode;
        this.theme = new Theme(ColourMode.detect(context.environment()),
                Background.detect(context.environment()));
        this.symbols = Symbols.detect(context.environment());
        this.handler = new KeyHandler(view, control, logs, context.clock(), this::wantPorts, this::reloaded, mode,
                () -> detached = true, targets, this::copy);
        this.resources = new ResourceMonitor(stack, context.resources(), wakeup::signal);
        this.ports = new PortsMonitor(context.ports(), wakeup::signal);
        this.subscription = stack.subscribe(new LogFeed(logs, wakeup));
    }

    /**
     * Shows the stack until {@code finished} completes (after a quit, or when the stack stops for
     * another reason) or the user detaches, then gives the terminal back as it was. With
     * {@code readKeys}, keys come from the screen's terminal; otherwise only through {@link #press}.
     *
     * @return true if the user detached (an attached dashboard: the stack goes on running)
     */
    public boolean run(CompletableFuture<?> finished, boolean readKeys) throws IOException, InterruptedException {
        finished.whenComplete((result, error) -> wakeup.signal());
        screen.getTerminal().addResizeListener((terminal, size) -> wakeup.signal());
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            sampler.scheduleWithFixedDelay(resources::sample, 0, 1, TimeUnit.SECONDS);
            sampler.scheduleWithFixedDelay(ports::refresh, 2, 2, TimeUnit.SECONDS);
            if (readKeys) {
                startReadingKeys();
            }
            loop(finished);
            return detached;
        } finally {
            sampler.shutdownNow();
            subscription.close();
            try {
                extras.mouse(false);
            } finally {
                screen.stopScreen();
            }
        }
    }

    /** A key, as if typed; from any thread. */
    public void press(KeyStroke key) {
        keys.add(key);
        wakeup.signal();
    }

    private void loop(CompletableFuture<?> finished) throws IOException, InterruptedException {
        while (!finished.isDone()) {
            KeyStroke key;
            while (!detached && (key = keys.poll()) != null) {
                handler.handle(key, visible, logRows(screen.getTerminalSize().getRows()));
            }
            if (detached) {
                return;
            }
            Runnable task;
            while ((task = later.poll()) != null) {
                task.run();
            }
            extras.mouse(view.wantsMouse());
            inspectAgainWhenDue();
            long drawnAt = System.nanoTime();
            draw();
            long untilNextSecond = 1000 - context.clock().millis() % 1000;
            wakeup.await(untilNextSecond);
            long early = drawnAt + FRAME_NANOS - System.nanoTime();
            if (early > 0) {
                TimeUnit.NANOSECONDS.sleep(early);
            }
        }
    }

    /**
     * The details view asks the stack again every {@link #INSPECT_EVERY} (its processes and checks
     * change), and the frame is drawn again as soon as an answer comes.
     */
    private void inspectAgainWhenDue() {
        if (view.screen == ViewState.Screen.DETAILS && view.inspection.isDone()
                && !context.clock().instant().isBefore(view.inspectedAt.plus(INSPECT_EVERY))) {
            handler.inspect(view.inspected);
        }
        if (view.inspection != watchedInspection) {
            watchedInspection = view.inspection;
            watchedInspection.whenComplete((inspection, error) -> wakeup.signal());
        }
    }

    private void startReadingKeys() {
        Thread reader = new Thread(() -> {
            try {
                KeyStroke key;
                while ((key = screen.readInput()) != null && key.getKeyType() != KeyType.EOF) {
                    press(key);
                }
            } catch (IOException | RuntimeException terminalGone) {
                // nothing more to read; the stack is stopped by SIGHUP or from elsewhere
            }
        }, "devstack-dashboard-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** What a reload or scale asked for here did, on whatever thread it was done. */
    private void reloaded(ReloadOutcome outcome) {
        later(() -> handler.reloaded(outcome));
    }

    private void later(Runnable task) {
        later.add(task);
        wakeup.signal();
    }

    /**
     * Copies lines to the clipboard through the terminal at once (unless they are too many for a
     * terminal to take) and to the copy file off this thread, then says where they went.
     */
    private void copy(Clip clip) {
        String text = clip.text();
        boolean clipboard = text.length() <= CLIPBOARD_LIMIT;
        try {
            if (clipboard) {
                extras.copy(text);
            }
        } catch (IOException terminalGone) {
            clipboard = false;
        }
        boolean sent = clipboard;
        sampler.execute(() -> {
            String said;
            try {
                Path file = context.copies().write(text);
                said = "copied " + clip.what() + (sent ? " (clipboard and " + file + ")"
                        : " to " + file + " (too long for the clipboard)");
            } catch (IOException | RuntimeException e) {
                said = (sent ? "copied " + clip.what() + " to the clipboard only: " : "nothing copied: ")
                        + "the copy file cannot be written (" + e.getMessage() + ")";
            }
            String message = said;
            later(() -> handler.tell(message));
        });
    }

    private void wantPorts(boolean open) {
        ports.want(open);
        if (open) {
            sampler.execute(ports::refresh);
        }
    }

    private void draw() throws IOException {
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null || !terminalsSized) {
            sizeTerminals(resized != null ? resized : screen.getTerminalSize());
        }
        screen.clear();
        targets.clear();
        Canvas canvas = new Canvas(screen.newTextGraphics(), symbols);
        StackSnapshot snapshot = stack.snapshot();
        visible = filtered(snapshot);
        if (visible.stream().noneMatch(s -> s.name().equals(view.selected)) && !visible.isEmpty()) {
            view.selected = visible.get(0).name();
        }
        view.runningServices = snapshot.services().stream().filter(s -> s.state().isAlive()).count();
        view.units = snapshot.services().stream().map(ServiceSnapshot::name).toList();
        if (canvas.width < MIN_COLUMNS || canvas.height < MIN_ROWS) {
            tooSmall(canvas);
        } else {
            Frame frame = new Frame(canvas, theme, symbols, view, mode, snapshot, visible, resources.latest(), logs,
                    context.clock().instant(), context.zone(), context.apiUrl(), context.instanceLabel(),
                    context.agentPort(), targets);
            drawScreen(frame);
        }
        screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    private void drawScreen(Frame frame) {
        Canvas canvas = frame.canvas();
        switch (view.screen) {
            case TABLE -> {
                HeaderBar.draw(frame, "");
                int tableRows = tableRows(canvas.height);
                ServiceTable.draw(frame, 1, tableRows);
                LogPane.draw(frame, 2 + tableRows, logRows(canvas.height));
            }
            case LOGS -> {
                HeaderBar.draw(frame, "logs");
                LogPane.draw(frame, 1, logRows(canvas.height));
            }
            case PORTS -> {
                HeaderBar.draw(frame, "ports");
                PortsView.draw(frame, ports.latest(), ports.problem());
            }
            case DETAILS -> {
                HeaderBar.draw(frame, "details");
                DetailsView.draw(frame);
            }
            case GRAPH -> {
                HeaderBar.draw(frame, "graph");
                GraphView.draw(frame);
            }
        }
        if (view.overlay == ViewState.Overlay.HELP) {
            HelpOverlay.draw(frame);
        }
        FooterBar.draw(frame);
    }

    /** Rows of services under the table's header: all of them, up to about half the screen. */
    private int tableRows(int height) {
        return Math.min(Math.max(1, visible.size()), Math.max(3, (height - 4) / 2));
    }

    /** Rows of log lines: below the table (header, table, log title; footer), or all but header, title, footer. */
    private int logRows(int height) {
        boolean fullScreen = view.screen == ViewState.Screen.LOGS || view.screen == ViewState.Screen.DETAILS
                || view.screen == ViewState.Screen.GRAPH;
        return fullScreen ? height - 3 : height - 2 - tableRows(height) - 2;
    }

    /**
     * Services under a terminal of their own ({@code tty: true}) get the size of the full-screen
     * log view's text: the terminal's width less the clock before each line, its height less the
     * header, title and footer.
     */
    private void sizeTerminals(TerminalSize size) {
        terminalsSized = true;
        control.resizeTerminals(Math.max(1, size.getColumns() - 1 - CLOCK_COLUMNS), Math.max(1, size.getRows() - 3));
    }

    private List<ServiceSnapshot> filtered(StackSnapshot snapshot) {
        if (view.filter.isEmpty()) {
            return snapshot.services();
        }
        String wanted = view.filter.toLowerCase(Locale.ROOT);
        return snapshot.services().stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    private void tooSmall(Canvas canvas) {
        String[] lines = {"terminal too small: " + canvas.width + "x" + canvas.height,
            "the dashboard needs at least " + MIN_COLUMNS + "x" + MIN_ROWS,
            mode == DashboardMode.ATTACHED ? "d detaches, q quits" : "q quits"};
        int top = Math.max(0, canvas.height / 2 - 1);
        for (int i = 0; i < lines.length; i++) {
            canvas.put(Math.max(0, (canvas.width - lines[i].length()) / 2), top + i, lines[i],
                    i == 0 ? theme.strong : theme.plain);
        }
    }
}
