package dev.devstack.cli;

import dev.devstack.app.MachinePorts;
import dev.devstack.app.NamedUrls;
import dev.devstack.app.ProcessGroupResources;
import dev.devstack.app.ProjectContext;
import dev.devstack.app.ProjectCopyFile;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.RemoteStack;
import dev.devstack.tui.Dashboard;
import dev.devstack.tui.DashboardContext;
import dev.devstack.tui.DashboardMode;
import dev.devstack.tui.TerminalSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "attach", header = "Show the dashboard of the project's running stack, from anywhere.",
        description = {"Shows the full dashboard of the stack that a `devstack up` of the project runs (in another"
                + " terminal, or in the background), through its control socket: every key works as in `up`.",
                "d detaches and leaves the stack running; q asks whether to stop the stack or only detach; Ctrl-C"
                        + " detaches. Any number of terminals may attach at once."})
final class AttachCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Override
    public Integer call() throws InterruptedException {
        CliContext cli = parent.cli();
        ProjectContext project = parent.project();
        Path socket = ControlClient.socket(project.home(), project.projectDir().toString(), project.instance());
        String by = "`devstack attach` (pid " + ProcessHandle.current().pid() + ")";
        RemoteStack stack;
        try {
            stack = RemoteStack.connect(socket, by, cli.clock());
        } catch (ControlClient.NotRunning e) {
            cli.err().println("devstack: no stack of " + project.projectDir() + " (" + project.instance() + ") is"
                    + " running: nothing answers on its control socket " + socket + "; `devstack up` starts it");
            return ExitCodes.NOT_RUNNING;
        } catch (ControlClient.Refused e) {
            cli.err().println("devstack: the stack of " + project.projectDir() + " refused to be attached: "
                    + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            cli.err().println("devstack: could not attach to the stack of " + project.projectDir() + " on " + socket
                    + " (" + e.getMessage() + ")");
            return ExitCodes.NOT_RUNNING;
        }
        try {
            if (!cli.terminal()) {
                cli.err().println("devstack: attach shows the dashboard, which needs a terminal (stdin and stdout a"
                        + " terminal, TERM set and not dumb); without one, `devstack logs -f` follows the output and"
                        + " `devstack status` shows the services");
                return ExitCodes.USAGE;
            }
            return show(cli, project, stack);
        } finally {
            stack.close();
        }
    }

    private int show(CliContext cli, ProjectContext project, RemoteStack stack) throws InterruptedException {
        TerminalSession terminal;
        try {
            terminal = TerminalSession.open(cli.in(), cli.out());
        } catch (IOException | RuntimeException e) {
            cli.err().println("devstack: cannot show the dashboard on this terminal (" + e.getMessage() + ");"
                    + " `devstack logs -f` follows the output instead");
            return ExitCodes.USAGE;
        }
        // stderr would scribble over the dashboard: what the registry warns of is said once it is gone
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        boolean detached;
        try {
            Dashboard dashboard = terminal.dashboard(stack, stack, new DashboardContext(
                    MachinePorts.of(project, warnings::add).rows(project.projectDir()), ProcessGroupResources.measured(),
                    cli.environment(), cli.clock(), ZoneId.systemDefault(), stack.hello().apiUrl(), project.instanceLabel(),
                    agentPort(project), new ProjectCopyFile(project)),
                    DashboardMode.ATTACHED);
            stack.start();
            detached = dashboard.run(stack.finished(), true);
        } catch (IOException | RuntimeException e) {
            restore(cli, terminal);
            cli.err().println("devstack: the dashboard failed (" + e + "); the stack goes on running");
            if (parent.debug) {
                e.printStackTrace(cli.err());
            }
            return ExitCodes.INTERNAL;
        } finally {
            restore(cli, terminal);
            new LinkedHashSet<>(warnings).forEach(warning -> cli.err().println("devstack: " + warning));
        }
        String name = stack.snapshot().project() + " (" + stack.snapshot().instance() + ")";
        if (detached) {
            cli.out().println("devstack: detached from " + name + "; it goes on running (devstack pid "
                    + stack.hello().pid() + "): `devstack attach` shows it again, `devstack down` stops it");
            return ExitCodes.OK;
        }
        try {
            stack.finished().join();
        } catch (CompletionException e) {
            cli.err().println("devstack: lost the connection to " + name + " (" + e.getCause().getMessage()
                    + "); it may still run: `devstack attach` tries again");
            return ExitCodes.NOT_FOUND;
        }
        cli.out().println("devstack: " + name + " stopped; every line its services printed is in "
                + project.stateDir().resolve("logs") + "/");
        return ExitCodes.OK;
    }

    /** The agent's port when the project's URLs are names; none when its configuration cannot be read now. */
    private static OptionalInt agentPort(ProjectContext project) {
        try {
            return NamedUrls.agentPort(project, project.loader().load(project.projectDir()));
        } catch (DevstackException e) {
            return OptionalInt.empty();
        }
    }

    private static void restore(CliContext cli, TerminalSession terminal) {
        try {
            terminal.close();
        } catch (IOException e) {
            cli.err().println("devstack: could not restore the terminal (" + e.getMessage() + "); `reset` does");
        }
    }
}
