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
    private static final long FRAME_NANOS = TimeUnit.SECONDS.toNanos(1) / MAX_FRAMES_PER_SECOND;
    private static final Duration INSPECT_EVERY = Duration.ofSeconds(2);

    private final TerminalScreen screen;
    private final StackView stack;
    private final DashboardContext context;
    private final DashboardMode mode;
    private final Theme theme;
    private final Symbols symbols;
    private final ViewState view = new ViewState();
    private final LogBook logs = new LogBook();
    private final Wakeup wakeup = new Wakeup();
    private final Queue<KeyStroke> keys = new ConcurrentLinkedQueue<>();
    private final Queue<ReloadOutcome> reloads = new ConcurrentLinkedQueue<>();
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
    /** The inspection the drawing thread is woken for when it comes. */
    private CompletableFuture<ServiceInspection> watchedInspection;
    /** The user detached (attached dashboards only); set and read on the drawing thread. */
    private boolean detached;

    /** The dashboard of `up`: quitting stops the stack. */
    public Dashboard(TerminalScreen screen, StackView stack, StackControl control, DashboardContext context) {
        this(screen, stack, control, context, DashboardMode.UP);
    }

    /** Listens to the stack from now on, so that nothing it says before {@link #run} is missed. */
    public Dashboard(TerminalScreen screen, StackView stack, StackControl control, DashboardContext context,
                     DashboardMode mode) {
        this.screen = screen;
        this.stack = stack;
        this.context = context;
        this.mode = mode;
        this.theme = new Theme(ColourMode.detect(context.environment()));
        this.symbols = Symbols.detect(context.environment());
        this.handler = new KeyHandler(view, control, logs, context.clock(), this::wantPorts, outcome -> {
            reloads.add(outcome);
            wakeup.signal();
        }, mode, () -> detached = true);
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
            screen.stopScreen();
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
            ReloadOutcome reloaded;
            while ((reloaded = reloads.poll()) != null) {
                handler.reloaded(reloaded);
            }
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

    private void wantPorts(boolean open) {
        ports.want(open);
        if (open) {
            sampler.execute(ports::refresh);
        }
    }

    private void draw() throws IOException {
        TerminalSize resized = screen.doResizeIfNecessary();
        screen.clear();
        Canvas canvas = new Canvas(screen.newTextGraphics(), symbols);
        StackSnapshot snapshot = stack.snapshot();
        visible = filtered(snapshot);
        if (visible.stream().noneMatch(s -> s.name().equals(view.selected)) && !visible.isEmpty()) {
            view.selected = visible.get(0).name();
        }
        view.runningServices = snapshot.services().stream().filter(s -> s.state().isAlive()).count();
        if (canvas.width < MIN_COLUMNS || canvas.height < MIN_ROWS) {
            tooSmall(canvas);
        } else {
            Frame frame = new Frame(canvas, theme, symbols, view, mode, snapshot, visible, resources.latest(), logs,
                    context.clock().instant(), context.zone(), context.apiUrl(), context.instanceLabel(),
                    context.agentPort());
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
