package dev.devstack.cli;

import dev.devstack.app.ProjectContext;
import dev.devstack.supervisor.control.ControlClient;
import java.io.IOException;

/**
 * How a command talks to the project's running stack: through its control socket, saying who
 * asks, and with one answer to each way it can fail (docs/cli.md, "Drive a running stack").
 */
final class StackSocket {

    /** What a command does with the greeted connection; returns its exit code. */
    @FunctionalInterface
    interface Conversation {
        int with(ControlClient stack) throws IOException;
    }

    private StackSocket() {
    }

    /** Who asks, as the stack's output tells it: "`devstack restart` (pid 4242)". */
    static String by(String command) {
        return "`devstack " + command + "` (pid " + ProcessHandle.current().pid() + ")";
    }

    /**
     * Connects to the project's stack as {@code by} and holds the conversation. No stack answers:
     * exit 7, saying how to start one; the stack refuses (a service it does not have): its reason,
     * exit 1; the connection breaks: exit 70.
     */
    static int talk(DevstackCommand parent, String by, Conversation conversation) {
        CliContext cli = parent.cli();
        ProjectContext project = parent.project();
        try (ControlClient stack = ControlClient.connect(
                ControlClient.socket(project.home(), project.projectDir().toString(), project.instance()), by)) {
            return conversation.with(stack);
        } catch (ControlClient.NotRunning e) {
            cli.err().println("devstack: no stack runs for " + project.projectDir() + " (nothing answers on its control"
                    + " socket); start one with `devstack up`");
            return ExitCodes.NOT_RUNNING;
        } catch (ControlClient.Refused e) {
            cli.err().println("devstack: " + e.getMessage());
            return ExitCodes.NOT_FOUND;
        } catch (IOException e) {
            cli.err().println("devstack: lost the connection to the stack of " + project.projectDir() + " ("
                    + e.getMessage() + "); `devstack ports` shows whether it still runs");
            return ExitCodes.INTERNAL;
        }
    }
}
