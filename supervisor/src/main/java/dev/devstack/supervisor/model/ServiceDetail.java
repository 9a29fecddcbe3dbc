package dev.devstack.supervisor.model;

import dev.devstack.supervisor.config.Condition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Why a service is in its state, or with what: one record per kind, carried as a value from where
 * it happens to every output, which words it ({@link DetailText} in English).
 */
public sealed interface ServiceDetail {

    /** Nothing to say yet (a service that waits for its turn). */
    record None() implements ServiceDetail {
    }

    /** Launched with this command; its process has not reported in yet. */
    record Launching(String command) implements ServiceDetail {
    }

    /** Taking over an earlier run found on its port (`up --adopt`). */
    record Adopting(String holder) implements ServiceDetail {
    }

    /** Its process runs. */
    record Started(long pid) implements ServiceDetail {
    }

    /** Its command exited 0; devstack waits for what it left running to show itself as the service. */
    record AwaitingDaemon(long command, Duration waitUpTo, Optional<Integer> port, Optional<Path> pidfile)
            implements ServiceDetail {
    }

    /** What its command left running when it exited 0 is the service's process now. */
    record DaemonTookOver(long pid) implements ServiceDetail {
    }

    /** Its `ready:` check passed, {@code after} its start. */
    record Ready(ReadinessFinding finding, Duration after) implements ServiceDetail {
    }

    /** The wait for its `ready:` check was given up; services that wait for it will not start. */
    record NotReady(ReadinessFinding finding) implements ServiceDetail {
    }

    /** Its health check failed {@code failures} times in a row. */
    record Unhealthy(int failures, String check, String result) implements ServiceDetail {
    }

    /** Its health check passes again. */
    record HealthyAgain(String check, String result) implements ServiceDetail {
    }

    /** Its process ended (exited, crashed or stopped). */
    record Ended(ExitDescription exit) implements ServiceDetail {
    }

    /** A one-shot task ran to completion with exit 0. */
    record Completed() implements ServiceDetail {
    }

    /** It ended on its own and is started again, {@code restart} counting all its restarts, after {@code delay}. */
    record RestartScheduled(ExitDescription exit, int restart, Duration delay) implements ServiceDetail {
    }

    /** devstack stopped it in order to start it again at once. */
    record RestartingNow(ExitDescription exit, int restart, RestartReason reason) implements ServiceDetail {
    }

    /** It ended after {@code restarts} restarts in a row, the most its policy allows. */
    record GaveUp(ExitDescription exit, int restarts) implements ServiceDetail {
    }

    /** Its command could not be started at all. */
    record LaunchFailed(String command, Path cwd) implements ServiceDetail {
    }

    /** It never started: it was stopped while waiting. */
    record NotStarted(StopCause cause) implements ServiceDetail {
    }

    /** It waited to be restarted and will not be. */
    record NotRestarted(StopCause cause) implements ServiceDetail {
    }

    /** An adopted process, left running when the stack stopped: devstack did not start it. */
    record LeftRunning(long pid) implements ServiceDetail {
    }

    /** Asked to stop by {@code means}, for {@code cause}; SIGKILL follows after {@code killAfter}, if any. */
    record Stopping(StopMeans means, Optional<Duration> killAfter, StopCause cause) implements ServiceDetail {
    }

    /** It did not stop within {@code waited} of {@code means}: SIGKILL was sent. */
    record KillAfterTimeout(Duration waited, StopMeans means) implements ServiceDetail {
    }

    /** SIGKILLed, but a process that left its group still holds its output pipes. */
    record PipesHeldOpen() implements ServiceDetail {
    }

    /** Back to waiting: a user asked to start it. */
    record AskedToStart() implements ServiceDetail {
    }

    /** Back to waiting: a user asked to restart it. */
    record AskedToRestart() implements ServiceDetail {
    }

    /** Back to waiting: files it watches changed after it had ended, and it runs again. */
    record FilesChanged() implements ServiceDetail {
    }

    /** Back to waiting: its configuration changed, and it starts again with the new one. */
    record Reconfigured() implements ServiceDetail {
    }

    /** Back to waiting: what blocked it is being started again. */
    record WaitsAgain(String service) implements ServiceDetail {
    }

    /** Blocked: {@code service} ended ({@code state}, {@code detail}) before it met {@code condition}. */
    record WaitsFor(String service, Condition condition, ServiceState state, ServiceDetail detail)
            implements ServiceDetail {
    }

    /** Blocked: {@code service} never became ready ({@code detail}). */
    record WaitsForUnready(String service, ServiceDetail detail) implements ServiceDetail {
    }
}
