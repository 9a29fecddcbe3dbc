package dev.devstack.tui;

import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;

/**
 * Turns the stack's events into lines of the {@link LogBook} and wakes the drawing thread. What
 * devstack says about a service is kept without its name, which the views add where it is needed.
 */
final class LogFeed implements StackListener {

    private final LogBook logs;
    private final Wakeup wakeup;

    LogFeed(LogBook logs, Wakeup wakeup) {
        this.logs = logs;
        this.wakeup = wakeup;
    }

    @Override
    public void on(StackEvent event) {
        if (event instanceof StackEvent.Output output) {
            logs.add(output.at(), output.service(),
                    output.source() == OutputSource.STDERR ? LogLine.Kind.ERR : LogLine.Kind.OUT,
                    output.line());
        } else if (event instanceof StackEvent.StateChanged change) {
            logs.add(change.at(), change.service(), LogLine.Kind.SYSTEM,
                    PlainLogPrinter.describe(change.state(), change.detail()));
        } else if (event instanceof StackEvent.Notice notice) {
            logs.add(notice.at(), notice.service(), LogLine.Kind.SYSTEM, notice.message());
        }
        wakeup.signal();
    }
}
