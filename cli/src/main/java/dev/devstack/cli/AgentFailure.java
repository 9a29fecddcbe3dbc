package dev.devstack.cli;

/** Says why the agent did not start, with the last lines of its log, and exits as it did. */
final class AgentFailure {

    private AgentFailure() {
    }

    static int report(CliContext cli, AgentStarter.NotStarted failure) {
        cli.err().println("devstack: " + failure.getMessage());
        failure.tail.forEach(line -> cli.err().println("  " + line));
        cli.err().println("devstack: its log: " + failure.log);
        return failure.exitCode.filter(code -> code != 0).orElse(ExitCodes.STATE);
    }
}
