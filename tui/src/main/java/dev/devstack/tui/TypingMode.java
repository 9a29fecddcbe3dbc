package dev.devstack.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.devstack.supervisor.model.StackControl;

/**
 * Typing into a service ({@code t}): the line is edited in the footer and sent whole on Enter, to
 * the service's input or terminal; Esc stops. Every key but Ctrl-C is text meanwhile, the log pane
 * follows the service so that its answer shows, and the mouse is the terminal's.
 */
final class TypingMode {

    private final ViewState view;
    private final StackControl control;
    private final Runnable showLogs;

    /** @param showLogs brings back a screen with the log pane, when another is on show */
    TypingMode(ViewState view, StackControl control, Runnable showLogs) {
        this.view = view;
        this.control = control;
        this.showLogs = showLogs;
    }

    void start(String unit) {
        showLogs.run();
        view.overlay = ViewState.Overlay.INPUT;
        view.inputTo = unit;
        view.inputLine = "";
        view.allLogs = false;
        view.follow = true;
    }

    void key(KeyStroke key) {
        switch (key.getKeyType()) {
            case Character -> {
                if (!key.isCtrlDown() && !key.isAltDown()) {
                    view.inputLine += key.getCharacter();
                }
            }
            case Backspace -> view.inputLine = view.inputLine.isEmpty() ? ""
                    : view.inputLine.substring(0, view.inputLine.offsetByCodePoints(view.inputLine.length(), -1));
            case Enter -> {
                control.input(view.inputTo, view.inputLine);
                view.inputLine = "";
            }
            case Escape -> {
                view.overlay = ViewState.Overlay.NONE;
                view.inputLine = "";
            }
            default -> { }
        }
    }
}
