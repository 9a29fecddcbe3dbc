package dev.devstack.cli;

import dev.devstack.supervisor.DevstackException;
import java.io.PrintStream;
import picocli.CommandLine;

/** Prints what went wrong, never a stack trace unless --debug asked for one, and gives the exit code. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private final PrintStream err;

    ErrorReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, CommandLine.ParseResult parsed) {
        boolean debug = debugRequested(parsed);
        if (exception instanceof DevstackException e) {
            err.println("devstack: " + e.getMessage());
            e.details().forEach(line -> err.println("  " + line));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCodes.of(e.category());
        }
        err.println("devstack: internal error: " + exception + (debug ? "" : " (run again with --debug for details)"));
        if (debug) {
            exception.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    private static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult result = parsed; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
