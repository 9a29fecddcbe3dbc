package dev.devstack.tui;

import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackOutcome;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What is printed once the dashboard has given the terminal back: how each service ended, and
 * where the whole output is, since the dashboard's screen is gone with it.
 */
public final class ExitSummary {

    private ExitSummary() {
    }

    public static void print(PrintStream out, String project, StackOutcome outcome, Path logDir) {
        out.println("devstack: " + project + (outcome.stopRequested() ? " stopped" : " ended") + ":");
        int width = outcome.services().stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (ServiceSnapshot service : outcome.services()) {
            String name = service.name() + " ".repeat(width - service.name().length());
            out.println("  " + name + "  " + PlainLogPrinter.describe(service.state(), service.detail()));
        }
        out.println("every line they printed is in " + logDir + "/");
    }
}
