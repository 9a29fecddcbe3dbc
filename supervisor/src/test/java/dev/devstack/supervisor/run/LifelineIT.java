package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lifeline watcher is a fork of the service's shell, with that shell's command line; it is
 * told from the service and from the shell's own subshells by where its output goes.
 */
class LifelineIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theWatcherOfASimpleCommandIsTheLifelineAndTheServiceIsNot() throws Exception {
        Process service = start("sleep 30");
        try {
            long watcher = children(service, 1).get(0).pid();

            Await.until(WAIT, "the forked watcher to have its output sent nowhere", () -> ShellCommand.isLifeline(watcher));
            assertThat(ShellCommand.isLifeline(service.pid())).isFalse();
        } finally {
            endGroup(service);
        }
    }

    @Test
    void aSubshellOfACompoundCommandIsNotTakenForTheLifeline() throws Exception {
        Process service = start("(sleep 30; true) & wait");
        try {
            List<ProcessHandle> children = children(service, 2);

            Await.until(WAIT, "the watcher among them", () ->
                    children.stream().filter(child -> ShellCommand.isLifeline(child.pid())).count() == 1);
            assertThat(children.stream().filter(child -> !ShellCommand.isLifeline(child.pid())).toList())
                    .as("the command's own subshell").hasSize(1)
                    .allSatisfy(subshell -> assertThat(subshell.info().arguments().orElseThrow()).hasSize(2));
            assertThat(ShellCommand.isLifeline(service.pid())).isFalse();
        } finally {
            endGroup(service);
        }
    }

    private static Process start(String command) throws IOException {
        return new ProcessBuilder(ShellCommand.argv(command)).redirectErrorStream(true).start();
    }

    private static List<ProcessHandle> children(Process service, int count) {
        return Await.value(WAIT, count + " children of the service's shell", () -> {
            List<ProcessHandle> children = service.toHandle().children().toList();
            return children.size() == count ? children : null;
        });
    }

    /** setsid made the service the leader of its own group: that group, lifeline and all. */
    private static void endGroup(Process service) throws Exception {
        new ProcessBuilder("kill", "-KILL", "--", "-" + service.pid()).start().waitFor();
        service.getOutputStream().close();
        Await.until(WAIT, "the service's group to end", () -> !service.isAlive());
    }
}
