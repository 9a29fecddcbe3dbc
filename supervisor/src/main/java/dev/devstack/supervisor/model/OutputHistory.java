package dev.devstack.supervisor.model;

import java.util.List;

/**
 * The last lines some services printed, oldest first, each a numbered {@link StackEvent.Output};
 * {@code upTo} is the journal's last number when they were taken, so that following from it
 * neither repeats nor loses a line.
 */
public record OutputHistory(List<NumberedEvent> lines, long upTo) {

    public OutputHistory {
        lines = List.copyOf(lines);
    }
}
