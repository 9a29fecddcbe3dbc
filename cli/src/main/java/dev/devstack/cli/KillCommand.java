package dev.devstack.cli;

import dev.devstack.app.KillOutcome;
import dev.devstack.app.KillTarget;
import dev.devstack.app.PortKill;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.control.ControlRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "kill", header = "End what listens on a port, or services of the running stack.",
        description = {
        "PORT (a number): sends the signal to the whole process group of what listens on exactly PORT (TCP, IPv4 and"
                + " IPv6; your own processes only), then SIGKILL to what is left after --grace. A service of a running devstack is stopped through"
                + " that devstack, so that it is not restarted. Asks first on a terminal, unless --yes."
                + " Exit 0 when every holder ended, 1 when nothing listens or you said no, 6 when something still listens.",
        "SERVICE… (names or globs, '*' for every one): asks the project's running `devstack up` to kill each service"
                + " at once (SIGKILL to its process group); like `stop`, it is not restarted until asked."
                + " Exit 0 when asked, 1 when the stack has no such service, 7 when no stack runs."})
final class KillCommand implements Callable<Integer>, OpensRegistry {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PORT|SERVICE", arity = "1..*",
            description = "A TCP port, 1-65535 (one number alone), or service names or globs.")
    List<String> targets;

    @Option(names = "--signal", paramLabel = "SIG", defaultValue = "TERM",
            description = "For a PORT: the first signal: TERM (default), INT, HUP, QUIT, USR1, USR2 or KILL.")
    String signal;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "5s",
            description = "For a PORT: how long to wait before SIGKILL (default 5s).")
    String grace;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        if (targets.size() > 1 || !targets.get(0).chars().allMatch(Character::isDigit)) {
            for (String portOnly : List.of("--signal", "--grace")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(portOnly)) {
                    throw new ParameterException(spec.commandLine(), portOnly + " is for a PORT; the stack kills a"
                            + " service with SIGKILL to its process group (`devstack stop` stops it gently)");
                }
            }
            return ServiceRequest.send(parent, spec.commandLine(), "kill", targets, ControlRequest.Act.Kill::new);
        }
        return killPort(targets.get(0));
    }

    private int killPort(String port) throws IOException {
        int number = PortArguments.port(spec.commandLine(), "PORT", port);
        Signal first = Signal.named(signal).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--signal: unknown signal \"" + signal + "\"; use TERM, INT, HUP, QUIT, USR1, USR2 or KILL"));
        Duration wait = PortArguments.duration(spec.commandLine(), "--grace", grace);
        CliContext cli = parent.cli();
        PortKill kill = PortKill.plan(parent.project(), number, cli.warnings());
        if (kill.targets().isEmpty()) {
            cli.err().println("devstack: nothing listens on port " + number + "; nothing to kill");
            return ExitCodes.NOT_FOUND;
        }
        for (KillTarget target : kill.targets()) {
            cli.out().println("port " + number + ": " + target.describe());
            cli.out().println("  " + target.plan());
        }
        if (!kill.anythingToKill()) {
            cli.err().println("devstack: nothing killed; port " + number + " is still held");
            return ExitCodes.STOP_FAILED;
        }
        if (cli.terminal() && !yes && !confirmed(cli)) {
            cli.err().println("devstack: nothing killed");
            return ExitCodes.NOT_FOUND;
        }
        List<KillOutcome> outcomes = kill.execute(first, wait);
        outcomes.forEach(outcome -> report(outcome, cli.out()));
        boolean allEnded = outcomes.stream().allMatch(KillOutcome::killed);
        if (!allEnded) {
            cli.err().println("devstack: port " + number + " may still be held; `devstack who " + number
                    + "` shows by whom");
        }
        return allEnded ? ExitCodes.OK : ExitCodes.STOP_FAILED;
    }

    private static boolean confirmed(CliContext cli) throws IOException {
        cli.out().print("end it? [y/N] ");
        cli.out().flush();
        String answer = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    private static void report(KillOutcome outcome, PrintStream out) {
        KillTarget target = outcome.target();
        if (target.refusal().isPresent()) {
            out.println(target.describe() + ": not signalled (" + target.refusal().get() + ")");
            return;
        }
        out.println(target.describe() + ":");
        outcome.actions().forEach(action -> out.println("  " + action));
        if (!outcome.ended().isEmpty()) {
            out.println("  ended: " + pids(outcome.ended()));
        }
        if (!outcome.survivors().isEmpty()) {
            out.println("  still running after SIGKILL: " + pids(outcome.survivors())
                    + " (stopped or stuck in the kernel?)");
        }
    }

    private static String pids(List<ProcessInfo> processes) {
        return processes.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(", "));
    }
}
