package dev.devstack.tui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A terminal's extras as a test sees them: what was copied, and whether the mouse is on. */
final class RecordingExtras implements TerminalExtras {

    final List<String> copied = new CopyOnWriteArrayList<>();
    volatile boolean mouse;

    @Override
    public void mouse(boolean on) {
        mouse = on;
    }

    @Override
    public void copy(String text) {
        copied.add(text);
    }
}
