package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.run.ProcessGroups;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * `devstack down`: stops the project's running `up` through its control socket, which reports
 * each service as it ends; when the socket does not answer, with SIGTERM to the devstack that
 * published run.json (checked by pid and start time; it then stops its services in order). Either
 * way it waits for that devstack to end, and then ends whatever an earlier devstack of the
 * project left running. The configuration is not read, so a broken ports.yaml never keeps a
 * stack from being stopped.
 */
public final class StackDown {

    private static final long POLL_MILLIS = 20;

    private StackDown() {
    }

    /**
     * @param by    who asks, for the stack's output ("`devstack down` (pid 4242)")
     * @param wait  how long to wait for a running `up` to finish stopping its services
     * @param ended each service that ended while the stack stopped, as it ends (through the socket only)
     */
    public static DownReport down(ProjectContext context, Consumer<String> warnings, Duration wait, String by,
                                  Consumer<ServiceEnd> ended) {
        Machine machine = new Machine(context, warnings);
        ProcessGroups groups = new ProcessGroups();
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<ProcessInfo> asked = SocketDown.stop(context, machine, by, deadline, ended);
        OptionalLong stopped = OptionalLong.empty();
        if (asked.isPresent()) {
            awaitEnd(machine, asked.get().pid(), asked.get().startMillis(), context, wait, deadline);
            stopped = OptionalLong.of(asked.get().pid());
        } else {
            Optional<RunState> live = new RunStateFile(context.stateDir()).read()
                    .filter(state -> state.instance().equals(context.instance()))
                    .filter(state -> machine.processes.isAlive(state.supervisorPid(), state.supervisorStart()));
            if (live.isPresent()) {
                RunState state = live.get();
                groups.signalProcess(state.supervisorPid(), Signal.TERM);
                awaitEnd(machine, state.supervisorPid(), state.supervisorStart(), context, wait, deadline);
                stopped = OptionalLong.of(state.supervisorPid());
            }
        }
        return new DownReport(stopped, leftovers(machine, groups, stopped, warnings));
    }

    /**
     * Ends what an earlier devstack of the project left running, by the registry's records. A stack
     * that was just stopped counts for more than that search: when the registry cannot be used (a
     * team registry that is away), `down` says so and still succeeds.
     */
    private static List<String> leftovers(Machine machine, ProcessGroups groups, OptionalLong stopped,
                                          Consumer<String> warnings) {
        try {
            return new Leftovers(machine.leases, machine.processes).end(groups);
        } catch (DevstackException e) {
            if (stopped.isEmpty() || e.category() != ErrorCategory.STATE) {
                throw e;
            }
            warnings.accept(e.getMessage() + "; the stack stopped, but what an earlier devstack of it may have left"
                    + " running was not looked for: run `devstack down` again once the registry answers");
            return List.of();
        }
    }

    private static void awaitEnd(Machine machine, long pid, long start, ProjectContext context, Duration wait,
                                 long deadline) {
        while (machine.processes.isAlive(pid, start)) {
            if (System.nanoTime() - deadline > 0) {
                throw DevstackException.stopFailed("devstack pid " + pid + " is still stopping `"
                        + context.projectDir() + "` after " + wait.toSeconds() + "s; see its terminal,"
                        + " or end it with `kill -KILL " + pid + "` (its services then end on their own)");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
