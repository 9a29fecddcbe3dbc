package dev.devstack.tui;

import dev.devstack.supervisor.model.ServiceInspection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the user has chosen to look at: the screen, the selected service, the filter, how the logs
 * are followed or scrolled, and what is being asked or typed. Touched only by the drawing thread.
 */
final class ViewState {

    enum Screen { TABLE, LOGS, PORTS, DETAILS, GRAPH }

    enum Overlay { NONE, HELP, CONFIRM, FILTER, SEARCH, COPY, INPUT }

    Screen screen = Screen.TABLE;
    Overlay overlay = Overlay.NONE;
    /** The selected service's name; empty until the first frame picks one. */
    String selected = "";
    String filter = "";
    /** Logs of all services interleaved, instead of the selected one's. */
    boolean allLogs;
    /** The log view shows the newest lines as they come; when paused it stays at {@link #anchor}. */
    boolean follow = true;
    /** The sequence number of the bottom line of a paused log view. */
    long anchor;
    String search = "";
    /** The line of the current search hit, 0 when there is none. */
    long hit;
    /** Text being typed after '/' (filter or search). */
    String typing = "";
    /** The question of {@link Overlay#CONFIRM}, with the keys that answer it, and what each does. */
    String question = "";
    List<Answer> answers = List.of();
    /** Typing into a service ({@code t}): to which unit, and the line so far. */
    String inputTo = "";
    String inputLine = "";
    /** Copy mode: the log line the cursor is on, and the marked line (0: none), by sequence number. */
    long copyCursor;
    long copyMark;
    /** First service row the table shows when there are more services than rows. */
    int tableScroll;
    /** First entry the help shows when it does not fit the screen. */
    int helpScroll;
    /** First row of the ports view's machine list. */
    int portsScroll;
    /** The service the details view shows, and what the stack told of it (asked again every few seconds). */
    String inspected = "";
    CompletableFuture<ServiceInspection> inspection = new CompletableFuture<>();
    Instant inspectedAt = Instant.MIN;
    /** The last answer, shown while the next is asked for, so that a refresh neither blanks nor scrolls the view. */
    Optional<ServiceInspection> lastInspection = Optional.empty();
    /** First line the details view shows, and the graph view. */
    int detailsScroll;
    int graphScroll;
    String message = "";
    Instant messageUntil = Instant.MIN;
    /** Every unit of the stack, whatever the filter, as of the last frame: scaling counts a service's replicas. */
    List<String> units = List.of();
    /** Services with a process, counted each frame: quitting asks first when there are any. */
    long runningServices;
    /** Quit was asked for: the stack is stopping and the dashboard ends when it has stopped. */
    boolean quitting;

    /** Whether the dashboard wants the mouse: not while the user selects text with the terminal's own means. */
    boolean wantsMouse() {
        return overlay != Overlay.COPY && overlay != Overlay.INPUT;
    }

    /** The log stream on show: the selected service's, or every service's (empty name). */
    String logSource() {
        return allLogs ? "" : selected;
    }

    void tell(String text, Instant until) {
        message = text;
        messageUntil = until;
    }

    /** A yes/no question: 'y' does {@code yes}, any other key cancels. */
    void ask(String text, Runnable yes) {
        ask(text + " (y/n)", List.of(new Answer('y', yes)));
    }

    /** A question whose text names its answers' keys; any other key cancels. */
    void ask(String text, List<Answer> choices) {
        overlay = Overlay.CONFIRM;
        question = text;
        answers = List.copyOf(choices);
    }

    /** A key that answers the question on show (in either case), and what it does. */
    record Answer(char key, Runnable does) {
    }
}
