package dev.devstack.app;

import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.run.ProcessGroups;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * `devstack down`: stops the project's running `up` (SIGTERM to it, after checking that it is the
 * devstack that published run.json, by pid and start time; it then stops its services in order),
 * and ends whatever an earlier devstack of the project left running. The configuration is not
 * read, so a broken ports.yaml never keeps a stack from being stopped.
 */
public final class StackDown {

    private static final long POLL_MILLIS = 20;

    private StackDown() {
    }

    /** @param wait how long to wait for a running `up` to finish stopping its services */
    public static DownReport down(ProjectContext context, Consumer<String> warnings, Duration wait) {
        Machine machine = new Machine(context, warnings);
        ProcessGroups groups = new ProcessGroups();
        Optional<RunState> live = new RunStateFile(context.stateDir()).read()
                .filter(state -> state.instance().equals(context.instance()))
                .filter(state -> machine.processes.isAlive(state.supervisorPid(), state.supervisorStart()));
        OptionalLong stopped = OptionalLong.empty();
        if (live.isPresent()) {
            RunState state = live.get();
            groups.signalProcess(state.supervisorPid(), Signal.TERM);
            long deadline = System.nanoTime() + wait.toNanos();
            while (machine.processes.isAlive(state.supervisorPid(), state.supervisorStart())) {
                if (System.nanoTime() > deadline) {
                    throw DevstackException.stopFailed("devstack pid " + state.supervisorPid() + " is still stopping `"
                            + state.project() + "` after " + wait.toSeconds() + "s; see its terminal, or end it with"
                            + " `kill -KILL " + state.supervisorPid() + "` (its services then end on their own)");
                }
                pause();
            }
            stopped = OptionalLong.of(state.supervisorPid());
        }
        List<String> ended = new Leftovers(machine.leases, machine.processes).end(groups);
        return new DownReport(stopped, ended);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
