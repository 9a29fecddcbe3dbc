package dev.devstack.cli;

import dev.devstack.supervisor.control.ControlRequest;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ReloadText;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * `devstack reload` and `devstack scale`: one request to the running stack that makes it read its
 * configuration again, and what the outcome means here. Applied: what started, stopped, restarted
 * and stayed, on stdout, exit 0. Invalid: every problem with its file:line:column on stderr, exit 2,
 * as `up` reports a configuration. Refused (the stack is stopping, a port cannot be had, no such
 * service to scale): its reason and what it found, exit 1 like every refusal of the stack, since
 * the outcome does not say whether a port was the cause.
 */
final class ReloadRequest {

    private ReloadRequest() {
    }

    /** @param request the request, given who asks ("`devstack reload` (pid 4242)") */
    static int send(DevstackCommand parent, String verb, Function<String, ControlRequest> request) {
        String by = StackSocket.by(verb);
        return StackSocket.talk(parent, by, stack -> report(parent.cli(), stack.reload(request.apply(by))));
    }

    private static int report(CliContext cli, ReloadOutcome outcome) {
        List<String> lines = ReloadText.lines(outcome);
        if (outcome instanceof ReloadOutcome.Applied) {
            lines.forEach(cli.out()::println);
            return ExitCodes.OK;
        }
        PrintStream err = cli.err();
        err.println("devstack: " + lines.get(0));
        lines.subList(1, lines.size()).forEach(line -> err.println("  " + line));
        return outcome instanceof ReloadOutcome.Invalid ? ExitCodes.INVALID_CONFIG : ExitCodes.NOT_FOUND;
    }
}
