package dev.devstack.tui;

import dev.devstack.app.view.PortRow;
import dev.devstack.app.view.PortRows;
import java.util.List;
import java.util.Optional;

/**
 * The machine's ports for the ports view, read off the drawing thread (a /proc walk and a registry
 * read) and only while someone looks at them.
 */
final class PortsMonitor {

    private final PortRows source;
    private final Runnable changed;
    private volatile boolean wanted;
    private volatile List<PortRow> latest;
    private volatile String problem = "";

    PortsMonitor(PortRows source, Runnable changed) {
        this.source = source;
        this.changed = changed;
    }

    void want(boolean open) {
        wanted = open;
    }

    /** Empty until the first read has finished. */
    Optional<List<PortRow>> latest() {
        return Optional.ofNullable(latest);
    }

    String problem() {
        return problem;
    }

    /** Reads the machine's ports if the view is open; called on the sampling thread only. */
    void refresh() {
        if (!wanted) {
            return;
        }
        try {
            latest = List.copyOf(source.read());
            problem = "";
        } catch (RuntimeException e) {
            problem = String.valueOf(e.getMessage());
        }
        changed.run();
    }
}
