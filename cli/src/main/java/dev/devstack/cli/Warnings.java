package dev.devstack.cli;

import dev.devstack.supervisor.run.Supervisor;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Where devstack's own warnings go: to stderr, except while the dashboard owns the terminal, when
 * stderr would scribble over it; then they are told to the stack and shown in its log view.
 */
final class Warnings implements Consumer<String> {

    private final PrintStream err;
    private volatile Supervisor stack;

    Warnings(PrintStream err) {
        this.err = err;
    }

    @Override
    public void accept(String warning) {
        Supervisor target = stack;
        if (target != null) {
            target.notice("", warning);
        } else {
            err.println("devstack: " + warning);
        }
    }

    void toStack(Supervisor supervisor) {
        stack = supervisor;
    }

    void toStderr() {
        stack = null;
    }
}
