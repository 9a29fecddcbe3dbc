package dev.devstack.cli;

import dev.devstack.supervisor.json.StackEventJson;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import java.io.PrintStream;

/** Events as JSON Lines: each the stack-event document of docs/json.md on a line of its own. */
final class JsonLinesPrinter implements StackListener {

    private final PrintStream out;

    JsonLinesPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void on(StackEvent event) {
        out.print(StackEventJson.line(event) + "\n");
    }

    @Override
    public void caughtUp() {
        out.flush();
    }
}
