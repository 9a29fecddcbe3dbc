package dev.devstack.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ReloadText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What each key does ({@link KeyHelp} lists them): it changes what is shown, or asks the stack to
 * do something through {@link StackControl}, which only hands the request on and never waits.
 * Attached to a stack that runs elsewhere, leaving may also mean detaching: the dashboard ends
 * and the stack goes on. Runs on the drawing thread.
 */
final class KeyHandler {

    private static final Duration MESSAGE = Duration.ofSeconds(4);
    /** What a reload did can take a while to read. */
    private static final Duration RELOAD_MESSAGE = Duration.ofSeconds(10);
    private static final int MOUSE_WHEEL_LINES = 3;

    private final ViewState view;
    private final StackControl control;
    private final LogBook logs;
    private final Clock clock;
    private final Consumer<Boolean> portsWanted;
    private final Consumer<ReloadOutcome> reloaded;
    private final DashboardMode mode;
    private final Runnable detach;
    private final CopyMode copyMode;
    private final TypingMode typing;
    private final Finding finding;
    private final Scaling scaling;
    private final Pointer pointer;
    private final Navigation nav;

    /**
     * @param reloaded takes what a reload did, on whatever thread it was done, to hand it to the drawing thread
     * @param detach ends the dashboard and leaves the stack running (only when {@code mode} is attached)
     * @param targets what a click on each row of the last frame means
     * @param copy copies lines of text (copy mode's {@code y}, a click on a port)
     */
    KeyHandler(ViewState view, StackControl control, LogBook logs, Clock clock, Consumer<Boolean> portsWanted,
               Consumer<ReloadOutcome> reloaded, DashboardMode mode, Runnable detach, ScreenTargets targets,
               Consumer<Clip> copy) {
        this.view = view;
        this.control = control;
        this.logs = logs;
        this.clock = clock;
        this.portsWanted = portsWanted;
        this.reloaded = reloaded;
        this.mode = mode;
        this.detach = detach;
        this.copyMode = new CopyMode(view, logs, copy);
        this.nav = new Navigation(view, logs);
        this.scaling = new Scaling(view, control, this::tell, reloaded);
        this.finding = new Finding(view, logs, this::tell, nav::pauseAt);
        this.typing = new TypingMode(view, control, () -> {
            if (!showsLogs()) {
                escape();
            }
        });
        this.pointer = new Pointer(view, targets, copy);
    }

    /** What a reload asked for here did: said in the footer (every problem or change is in the logs too). */
    void reloaded(ReloadOutcome outcome) {
        String said = ReloadText.lines(outcome).get(0);
        view.tell(outcome instanceof ReloadOutcome.Applied ? "reloaded: " + said : "not reloaded: " + said
                + " (the logs list " + (outcome instanceof ReloadOutcome.Invalid ? "every problem)" : "why)"),
                clock.instant().plus(RELOAD_MESSAGE));
    }

    /**
     * @param visible the services the table shows now
     * @param page how many lines the log view shows
     */
    void handle(KeyStroke key, List<ServiceSnapshot> visible, int page) {
        if (isCtrlC(key) && view.overlay == ViewState.Overlay.INPUT) {
            view.overlay = ViewState.Overlay.NONE;
            view.inputLine = "";
            tell("stopped typing into " + view.inputTo + "; Ctrl-C again " + (mode == DashboardMode.ATTACHED
                    ? "detaches" : "stops the stack"));
            return;
        }
        if (isCtrlC(key)) {
            if (mode == DashboardMode.ATTACHED && !view.quitting) {
                detach.run();
            } else {
                quitNow();
            }
            return;
        }
        if (key instanceof MouseAction mouse) {
            if (view.overlay == ViewState.Overlay.NONE) {
                pointer.act(mouse, visible, () -> nav.scrollUp(MOUSE_WHEEL_LINES),
                        () -> nav.scrollDown(MOUSE_WHEEL_LINES));
            }
            return;
        }
        switch (view.overlay) {
            case COPY -> copyMode.key(key, page);
            case INPUT -> typing.key(key);
            case CONFIRM -> confirm(key);
            case FILTER, SEARCH -> finding.type(key);
            case HELP -> {
                if (key.getKeyType() == KeyType.Escape || is(key, '?')) {
                    view.overlay = ViewState.Overlay.NONE;
                } else if (key.getKeyType() == KeyType.ArrowDown || is(key, 'j')) {
                    view.helpScroll++;
                } else if (key.getKeyType() == KeyType.ArrowUp || is(key, 'k')) {
                    view.helpScroll = Math.max(0, view.helpScroll - 1);
                }
            }
            case NONE -> command(key, visible, page);
        }
    }

    private void command(KeyStroke key, List<ServiceSnapshot> visible, int page) {
        switch (key.getKeyType()) {
            case ArrowUp -> nav.move(visible, -1);
            case ArrowDown -> nav.move(visible, 1);
            case Home -> nav.home(visible);
            case End -> nav.end(visible);
            case PageUp -> nav.scrollUp(page - 1);
            case PageDown -> nav.scrollDown(page - 1);
            case Enter -> {
                if (view.screen == ViewState.Screen.TABLE || view.screen == ViewState.Screen.LOGS) {
                    view.screen = view.screen == ViewState.Screen.TABLE ? ViewState.Screen.LOGS : ViewState.Screen.TABLE;
                }
            }
            case Escape -> escape();
            case Character -> {
                if (!key.isCtrlDown() && !key.isAltDown()) {
                    character(key.getCharacter(), visible);
                }
            }
            default -> { }
        }
    }

    private void character(char c, List<ServiceSnapshot> visible) {
        switch (c) {
            case 'k' -> nav.move(visible, -1);
            case 'j' -> nav.move(visible, 1);
            case 'a' -> view.allLogs = !view.allLogs;
            case 'r' -> withSelected(visible, this::restart);
            case 's' -> withSelected(visible, this::stopOrStart);
            case 'c' -> {
                if (showsLogs() && !copyMode.start()) {
                    tell("nothing to copy yet: " + (view.allLogs ? "no service has printed anything"
                            : view.selected + " has printed nothing"));
                }
            }
            case 't' -> withSelected(visible, service -> typing.start(service.name()));
            case '+' -> withSelected(visible, service -> scaling.by(service.name(), 1));
            case '-' -> withSelected(visible, service -> scaling.by(service.name(), -1));
            case 'K' -> withSelected(visible, service -> view.ask("kill " + service.name()
                    + "'s process group with SIGKILL?", () -> {
                        control.killService(service.name());
                        tell("SIGKILL sent to " + service.name());
                    }));
            case '/' -> {
                if (view.screen == ViewState.Screen.LOGS) {
                    view.overlay = ViewState.Overlay.SEARCH;
                    view.typing = "";
                } else if (view.screen == ViewState.Screen.TABLE) {
                    view.overlay = ViewState.Overlay.FILTER;
                    view.typing = view.filter;
                }
            }
            case 'n' -> finding.next(true);
            case 'N' -> finding.next(false);
            case 'f' -> {
                if (view.follow) {
                    nav.pauseAt(logs.newest(view.logSource()));
                } else {
                    view.follow = true;
                }
            }
            case 'R' -> {
                tell("reading the configuration again");
                control.reload(Optional.empty()).whenComplete((outcome, error) -> reloaded.accept(error == null
                        ? outcome : new ReloadOutcome.Refused("the reload failed: " + error, List.of())));
            }
            case 'p' -> {
                boolean open = view.screen != ViewState.Screen.PORTS;
                view.screen = open ? ViewState.Screen.PORTS : ViewState.Screen.TABLE;
                portsWanted.accept(open);
            }
            case 'i' -> toggle(ViewState.Screen.DETAILS, visible);
            case 'g' -> toggle(ViewState.Screen.GRAPH, visible);
            case '?' -> view.overlay = ViewState.Overlay.HELP;
            case 'q' -> quit();
            case 'd' -> {
                if (mode == DashboardMode.ATTACHED) {
                    detach.run();
                }
            }
            default -> { }
        }
    }

    /**
     * Opens the details or graph view (the details of the selected service, asked of the stack at
     * once), or closes it when it is on show.
     */
    private void toggle(ViewState.Screen screen, List<ServiceSnapshot> visible) {
        if (view.screen == screen) {
            view.screen = ViewState.Screen.TABLE;
            return;
        }
        if (view.screen == ViewState.Screen.PORTS) {
            portsWanted.accept(false);
        }
        if (screen == ViewState.Screen.DETAILS) {
            if (nav.indexOf(visible) < 0) {
                tell("no service selected");
                return;
            }
            inspect(view.selected);
            view.detailsScroll = 0;
        } else {
            view.graphScroll = 0;
        }
        view.screen = screen;
    }

    /** Asks the stack about {@code service}; the details view shows the answer when it comes. */
    void inspect(String service) {
        view.inspected = service;
        view.inspectedAt = clock.instant();
        view.inspection = control.inspect(service);
    }

    private void escape() {
        if (view.screen != ViewState.Screen.TABLE) {
            if (view.screen == ViewState.Screen.PORTS) {
                portsWanted.accept(false);
            }
            view.screen = ViewState.Screen.TABLE;
        } else {
            view.filter = "";
            view.search = "";
            view.hit = 0;
        }
    }

    /** The screen on show has a log pane: the table's, or the full-screen logs. */
    private boolean showsLogs() {
        return view.screen == ViewState.Screen.TABLE || view.screen == ViewState.Screen.LOGS;
    }

    private void restart(ServiceSnapshot service) {
        control.restartService(service.name());
        tell((service.state().isAlive() ? "restarting " : "starting ") + service.name());
    }

    private void stopOrStart(ServiceSnapshot service) {
        ServiceState state = service.state();
        if (state.isAlive() || state == ServiceState.PENDING || state == ServiceState.BACKOFF) {
            control.stopService(service.name(), Optional.empty());
            tell("stopping " + service.name());
        } else {
            control.startService(service.name());
            tell("starting " + service.name());
        }
    }

    private void quit() {
        if (view.quitting) {
            quitNow();
            return;
        }
        long running = view.runningServices;
        if (mode == DashboardMode.ATTACHED) {
            view.ask("stop the stack" + (running == 0 ? "" : " and its " + services(running)) + ", or only detach?"
                    + " (s stops, d detaches)", List.of(new ViewState.Answer('s', this::quitNow),
                    new ViewState.Answer('d', detach)));
        } else if (running == 0) {
            quitNow();
        } else {
            view.ask("stop " + services(running) + " and quit?", this::quitNow);
        }
    }

    private static String services(long running) {
        return running + (running == 1 ? " running service" : " running services");
    }

    /** The first time: stop the stack in order; again: kill what is left. */
    private void quitNow() {
        view.overlay = ViewState.Overlay.NONE;
        if (view.quitting) {
            tell("killing what is left with SIGKILL");
        }
        view.quitting = true;
        control.stop();
    }

    private void confirm(KeyStroke key) {
        view.overlay = ViewState.Overlay.NONE;
        for (ViewState.Answer answer : view.answers) {
            if (is(key, answer.key()) || is(key, Character.toUpperCase(answer.key()))) {
                answer.does().run();
                return;
            }
        }
        tell("cancelled");
    }

    private void withSelected(List<ServiceSnapshot> visible, Consumer<ServiceSnapshot> action) {
        int index = nav.indexOf(visible);
        if (index >= 0) {
            action.accept(visible.get(index));
        }
    }

    void tell(String message) {
        view.tell(message, clock.instant().plus(MESSAGE));
    }

    private static boolean is(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.getCharacter() == c && !key.isCtrlDown() && !key.isAltDown();
    }

    private static boolean isCtrlC(KeyStroke key) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && (key.getCharacter() == 'c'
                || key.getCharacter() == 'C');
    }
}
