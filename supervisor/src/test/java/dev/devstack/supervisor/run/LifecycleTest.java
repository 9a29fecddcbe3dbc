package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.config.Location;
import dev.devstack.supervisor.config.RestartPolicy;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.model.StopMeans;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's decisions, without processes and with a fixed clock. {@link #everyPhaseAndInputHasADecision}
 * is the whole transition table: one row per (phase, input) pair, each naming the phase that
 * follows and the effects, in order. A new phase, input, action, timer or exit status fails it
 * until its row is written.
 */
class LifecycleTest {

    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant NOW = START.plusSeconds(5);
    private static final long PID = 4242;
    private static final StopMeans TERM = new StopMeans.SignalSent(Signal.TERM);
    private static final StopCause SHUTDOWN = new StopCause.Shutdown();

    /** A server on port 3000 with the default tcp readiness check, a tcp health check, restarted on failure. */
    private static final LifeRules SERVER = new LifeRules("serve", Path.of("/srv"), false,
            new RestartPolicy(RestartPolicy.Mode.ON_FAILURE, Duration.ofSeconds(1), OptionalInt.of(3)), Signal.TERM,
            Duration.ofSeconds(5), false, Optional.of(CheckSpec.tcp(Location.file("ports.yaml"))),
            Optional.of(CheckSpec.tcp(Location.file("ports.yaml"))), false, false, Optional.of(3000), Optional.empty());

    private static final Map<String, Phase> PHASES = phases();
    private static final Map<String, Input> INPUTS = inputs();

    private static Map<String, Phase> phases() {
        Map<String, Phase> phases = new LinkedHashMap<>();
        phases.put("Pending", new Phase.Pending(new ServiceDetail.None()));
        phases.put("Blocked", new Phase.Blocked(new ServiceDetail.WaitsFor("db", Condition.READY, ServiceState.CRASHED,
                new ServiceDetail.Ended(new ExitDescription.Natural(1)))));
        phases.put("Starting", new Phase.Starting(new ServiceDetail.Launching("serve"), Optional.empty(), false,
                false));
        phases.put("Running", new Phase.Running(PID, START, new ServiceDetail.Started(PID)));
        phases.put("Ready", new Phase.Ready(PID, START, new ServiceDetail.Ready(new ReadinessFinding.PortAccepts(3000),
                Duration.ofMillis(300))));
        phases.put("Unhealthy", new Phase.Unhealthy(PID, START, new ServiceDetail.Unhealthy(3, "tcp on port 3000",
                "refused")));
        phases.put("Stopping", new Phase.Stopping(TERM, Optional.of(Signal.TERM), SHUTDOWN,
                new ServiceDetail.Stopping(TERM, Optional.of(Duration.ofSeconds(5)), SHUTDOWN)));
        phases.put("Backoff", new Phase.Backoff(new ServiceDetail.RestartScheduled(new ExitDescription.Natural(1), 1,
                Duration.ofSeconds(1))));
        phases.put("Exited", new Phase.Exited(new ServiceDetail.Ended(new ExitDescription.Natural(0))));
        phases.put("Crashed", new Phase.Crashed(new ServiceDetail.Ended(new ExitDescription.Natural(1))));
        phases.put("Failed", new Phase.Failed(new ServiceDetail.GaveUp(new ExitDescription.Natural(1), 3)));
        phases.put("Stopped", new Phase.Stopped(new ServiceDetail.Ended(new ExitDescription.Signalled(Signal.TERM,
                SHUTDOWN))));
        return phases;
    }

    private static Map<String, Input> inputs() {
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put("Launched", new Input.Launched(new ServiceDetail.Launching("serve")));
        inputs.put("Blocked", new Input.Blocked(new ServiceDetail.WaitsFor("db", Condition.READY, ServiceState.CRASHED,
                new ServiceDetail.None())));
        inputs.put("Started", new Input.Started(PID));
        inputs.put("Exited(Code 0)", new Input.Exited(new ExitStatus.Code(0)));
        inputs.put("Exited(Code 1)", new Input.Exited(new ExitStatus.Code(1)));
        inputs.put("Exited(NeverStarted)", new Input.Exited(new ExitStatus.NeverStarted()));
        inputs.put("Exited(Unknown)", new Input.Exited(new ExitStatus.Unknown()));
        inputs.put("AwaitingDaemon", new Input.AwaitingDaemon(PID, Duration.ofSeconds(10)));
        inputs.put("DaemonTookOver", new Input.DaemonTookOver(PID + 1));
        inputs.put("NoDaemon", new Input.NoDaemon());
        inputs.put("LineMatched", new Input.LineMatched());
        inputs.put("ReadinessFound(passed)", new Input.ReadinessFound(new ReadinessFinding.PortAccepts(3000)));
        inputs.put("ReadinessFound(gave up)", new Input.ReadinessFound(new ReadinessFinding.TimedOut(
                Duration.ofSeconds(60), "tcp on port 3000", Optional.empty())));
        inputs.put("HealthChecked(passed)", new Input.HealthChecked(true, 0, "tcp on port 3000", "accepted"));
        inputs.put("HealthChecked(3 failed)", new Input.HealthChecked(false, 3, "tcp on port 3000", "refused"));
        inputs.put("StackStopping", new Input.StackStopping());
        inputs.put("Stop", new Input.Stop());
        inputs.put("KillAll", new Input.KillAll());
        inputs.put("Unblocked", new Input.Unblocked("db"));
        for (Input.Action action : Input.Action.values()) {
            inputs.put("Asked(" + action + ")", new Input.Asked(action, Optional.empty()));
        }
        for (Input.Timer timer : Input.Timer.values()) {
            inputs.put("TimerFired(" + timer + ")", new Input.TimerFired(timer));
        }
        inputs.put("StopCommandFailed", new Input.StopCommandFailed("exit 1"));
        for (Input.Change change : Input.Change.values()) {
            inputs.put("Reconfigured(" + change + ")", new Input.Reconfigured(change));
        }
        inputs.put("FilesChanged", new Input.FilesChanged());
        return inputs;
    }

    /** phase | input | the phase after it ("-": ignored: nothing changes, nothing is done) | effects */
    private static final String TABLE = """
            Pending   | Launched                 | Starting  | Publish(STARTING)
            Pending   | Blocked                  | Blocked   | ReleasePorts Publish(BLOCKED)
            Pending   | Started                  | -         |
            Pending   | Exited(Code 0)           | -         |
            Pending   | Exited(Code 1)           | -         |
            Pending   | Exited(NeverStarted)     | -         |
            Pending   | Exited(Unknown)          | -         |
            Pending   | AwaitingDaemon           | -         |
            Pending   | DaemonTookOver           | -         |
            Pending   | NoDaemon                 | -         |
            Pending   | LineMatched              | -         |
            Pending   | ReadinessFound(passed)   | -         |
            Pending   | ReadinessFound(gave up)  | -         |
            Pending   | HealthChecked(passed)    | -         |
            Pending   | HealthChecked(3 failed)  | -         |
            Pending   | StackStopping            | Stopped   | ReleasePorts Publish(STOPPED)
            Pending   | Stop                     | -         |
            Pending   | KillAll                  | -         |
            Pending   | Unblocked                | -         |
            Pending   | Asked(START)             | Pending   | Refuse(ALREADY)
            Pending   | Asked(STOP)              | Stopped   | CancelTimers ReleasePorts Publish(STOPPED) Advance
            Pending   | Asked(RESTART)           | Pending   | Refuse(NOT_NOW)
            Pending   | Asked(KILL)              | Pending   | Refuse(NO_PROCESS)
            Pending   | TimerFired(STOP_TIMEOUT) | -         |
            Pending   | TimerFired(AFTER_KILL)   | -         |
            Pending   | TimerFired(BACKOFF_OVER) | -         |
            Pending   | StopCommandFailed        | -         |
            Pending   | Reconfigured(REMOVED)    | Stopped   | CancelTimers ReleasePorts Publish(STOPPED)
            Pending   | Reconfigured(CHANGED)    | Pending   | CancelTimers Replan Publish(PENDING) RequeueBlocked Advance
            Pending   | FilesChanged             | -         |
            Blocked   | Launched                 | -         |
            Blocked   | Blocked                  | -         |
            Blocked   | Started                  | -         |
            Blocked   | Exited(Code 0)           | -         |
            Blocked   | Exited(Code 1)           | -         |
            Blocked   | Exited(NeverStarted)     | -         |
            Blocked   | Exited(Unknown)          | -         |
            Blocked   | AwaitingDaemon           | -         |
            Blocked   | DaemonTookOver           | -         |
            Blocked   | NoDaemon                 | -         |
            Blocked   | LineMatched              | -         |
            Blocked   | ReadinessFound(passed)   | -         |
            Blocked   | ReadinessFound(gave up)  | -         |
            Blocked   | HealthChecked(passed)    | -         |
            Blocked   | HealthChecked(3 failed)  | -         |
            Blocked   | StackStopping            | Blocked   |
            Blocked   | Stop                     | -         |
            Blocked   | KillAll                  | -         |
            Blocked   | Unblocked                | Pending   | Publish(PENDING)
            Blocked   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Blocked   | Asked(STOP)              | Blocked   | Refuse(ALREADY)
            Blocked   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Blocked   | Asked(KILL)              | Blocked   | Refuse(NO_PROCESS)
            Blocked   | TimerFired(STOP_TIMEOUT) | -         |
            Blocked   | TimerFired(AFTER_KILL)   | -         |
            Blocked   | TimerFired(BACKOFF_OVER) | -         |
            Blocked   | StopCommandFailed        | -         |
            Blocked   | Reconfigured(REMOVED)    | Blocked   |
            Blocked   | Reconfigured(CHANGED)    | Pending   | CancelTimers Replan Publish(PENDING) RequeueBlocked Advance
            Blocked   | FilesChanged             | -         |
            Starting  | Launched                 | -         |
            Starting  | Blocked                  | -         |
            Starting  | Started                  | Running   | Publish(RUNNING) WatchReadiness Advance
            Starting  | Exited(Code 0)           | Exited    | CancelTimers EndRemaining Publish(EXITED) Advance
            Starting  | Exited(Code 1)           | Backoff   | CancelTimers EndRemaining Publish(BACKOFF) Schedule(BACKOFF_OVER 2s) Advance
            Starting  | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Advance
            Starting  | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Advance
            Starting  | AwaitingDaemon           | -         |
            Starting  | DaemonTookOver           | -         |
            Starting  | NoDaemon                 | -         |
            Starting  | LineMatched              | Starting  |
            Starting  | ReadinessFound(passed)   | -         |
            Starting  | ReadinessFound(gave up)  | -         |
            Starting  | HealthChecked(passed)    | -         |
            Starting  | HealthChecked(3 failed)  | -         |
            Starting  | StackStopping            | Starting  |
            Starting  | Stop                     | -         |
            Starting  | KillAll                  | Starting  |
            Starting  | Unblocked                | -         |
            Starting  | Asked(START)             | Starting  | Refuse(ALREADY)
            Starting  | Asked(STOP)              | Starting  |
            Starting  | Asked(RESTART)           | Starting  | Refuse(NOT_NOW)
            Starting  | Asked(KILL)              | Starting  | Refuse(NO_PROCESS)
            Starting  | TimerFired(STOP_TIMEOUT) | -         |
            Starting  | TimerFired(AFTER_KILL)   | -         |
            Starting  | TimerFired(BACKOFF_OVER) | -         |
            Starting  | StopCommandFailed        | -         |
            Starting  | Reconfigured(REMOVED)    | Starting  |
            Starting  | Reconfigured(CHANGED)    | Starting  |
            Starting  | FilesChanged             | -         |
            Running   | Launched                 | -         |
            Running   | Blocked                  | -         |
            Running   | Started                  | -         |
            Running   | Exited(Code 0)           | Running   | LookForDaemon
            Running   | Exited(Code 1)           | Backoff   | CancelTimers EndRemaining Publish(BACKOFF) Schedule(BACKOFF_OVER 2s) Advance
            Running   | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Advance
            Running   | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Advance
            Running   | AwaitingDaemon           | Running   | Explain
            Running   | DaemonTookOver           | Running   | Publish(RUNNING)
            Running   | NoDaemon                 | Exited    | CancelTimers EndRemaining Publish(EXITED) Advance
            Running   | LineMatched              | Ready     | Publish(READY) WatchHealth(0) Advance
            Running   | ReadinessFound(passed)   | Ready     | Publish(READY) WatchHealth(0) Advance
            Running   | ReadinessFound(gave up)  | Running   | Explain Advance
            Running   | HealthChecked(passed)    | -         |
            Running   | HealthChecked(3 failed)  | -         |
            Running   | StackStopping            | Running   |
            Running   | Stop                     | -         |
            Running   | KillAll                  | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Running   | Unblocked                | -         |
            Running   | Asked(START)             | Running   | Refuse(ALREADY)
            Running   | Asked(STOP)              | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Running   | Asked(RESTART)           | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Running   | Asked(KILL)              | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Running   | TimerFired(STOP_TIMEOUT) | -         |
            Running   | TimerFired(AFTER_KILL)   | -         |
            Running   | TimerFired(BACKOFF_OVER) | -         |
            Running   | StopCommandFailed        | -         |
            Running   | Reconfigured(REMOVED)    | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Running   | Reconfigured(CHANGED)    | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Running   | FilesChanged             | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Ready     | Launched                 | -         |
            Ready     | Blocked                  | -         |
            Ready     | Started                  | -         |
            Ready     | Exited(Code 0)           | Ready     | LookForDaemon
            Ready     | Exited(Code 1)           | Backoff   | CancelTimers EndRemaining Publish(BACKOFF) Schedule(BACKOFF_OVER 2s) Advance
            Ready     | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Advance
            Ready     | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Advance
            Ready     | AwaitingDaemon           | Ready     | Explain
            Ready     | DaemonTookOver           | Ready     | Publish(READY)
            Ready     | NoDaemon                 | Exited    | CancelTimers EndRemaining Publish(EXITED) Advance
            Ready     | LineMatched              | -         |
            Ready     | ReadinessFound(passed)   | -         |
            Ready     | ReadinessFound(gave up)  | -         |
            Ready     | HealthChecked(passed)    | Ready     | WatchHealth(0)
            Ready     | HealthChecked(3 failed)  | Unhealthy | Publish(UNHEALTHY) WatchHealth(3)
            Ready     | StackStopping            | Ready     |
            Ready     | Stop                     | -         |
            Ready     | KillAll                  | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Ready     | Unblocked                | -         |
            Ready     | Asked(START)             | Ready     | Refuse(ALREADY)
            Ready     | Asked(STOP)              | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Ready     | Asked(RESTART)           | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Ready     | Asked(KILL)              | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Ready     | TimerFired(STOP_TIMEOUT) | -         |
            Ready     | TimerFired(AFTER_KILL)   | -         |
            Ready     | TimerFired(BACKOFF_OVER) | -         |
            Ready     | StopCommandFailed        | -         |
            Ready     | Reconfigured(REMOVED)    | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Ready     | Reconfigured(CHANGED)    | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Ready     | FilesChanged             | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Unhealthy | Launched                 | -         |
            Unhealthy | Blocked                  | -         |
            Unhealthy | Started                  | -         |
            Unhealthy | Exited(Code 0)           | Unhealthy | LookForDaemon
            Unhealthy | Exited(Code 1)           | Backoff   | CancelTimers EndRemaining Publish(BACKOFF) Schedule(BACKOFF_OVER 2s) Advance
            Unhealthy | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Advance
            Unhealthy | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Advance
            Unhealthy | AwaitingDaemon           | Unhealthy | Explain
            Unhealthy | DaemonTookOver           | Unhealthy | Publish(UNHEALTHY)
            Unhealthy | NoDaemon                 | Exited    | CancelTimers EndRemaining Publish(EXITED) Advance
            Unhealthy | LineMatched              | -         |
            Unhealthy | ReadinessFound(passed)   | -         |
            Unhealthy | ReadinessFound(gave up)  | -         |
            Unhealthy | HealthChecked(passed)    | Ready     | Publish(READY) WatchHealth(0)
            Unhealthy | HealthChecked(3 failed)  | Unhealthy | WatchHealth(3)
            Unhealthy | StackStopping            | Unhealthy |
            Unhealthy | Stop                     | -         |
            Unhealthy | KillAll                  | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Unhealthy | Unblocked                | -         |
            Unhealthy | Asked(START)             | Unhealthy | Refuse(ALREADY)
            Unhealthy | Asked(STOP)              | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Unhealthy | Asked(RESTART)           | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Unhealthy | Asked(KILL)              | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Unhealthy | TimerFired(STOP_TIMEOUT) | -         |
            Unhealthy | TimerFired(AFTER_KILL)   | -         |
            Unhealthy | TimerFired(BACKOFF_OVER) | -         |
            Unhealthy | StopCommandFailed        | -         |
            Unhealthy | Reconfigured(REMOVED)    | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Unhealthy | Reconfigured(CHANGED)    | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Unhealthy | FilesChanged             | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Stopping  | Launched                 | -         |
            Stopping  | Blocked                  | -         |
            Stopping  | Started                  | -         |
            Stopping  | Exited(Code 0)           | Stopped   | CancelTimers EndRemaining Publish(STOPPED) Advance
            Stopping  | Exited(Code 1)           | Stopped   | CancelTimers EndRemaining Publish(STOPPED) Advance
            Stopping  | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Advance
            Stopping  | Exited(Unknown)          | Stopped   | CancelTimers EndRemaining TellAdoptedEnded Publish(STOPPED) Advance
            Stopping  | AwaitingDaemon           | -         |
            Stopping  | DaemonTookOver           | -         |
            Stopping  | NoDaemon                 | -         |
            Stopping  | LineMatched              | -         |
            Stopping  | ReadinessFound(passed)   | -         |
            Stopping  | ReadinessFound(gave up)  | -         |
            Stopping  | HealthChecked(passed)    | -         |
            Stopping  | HealthChecked(3 failed)  | -         |
            Stopping  | StackStopping            | Stopping  |
            Stopping  | Stop                     | -         |
            Stopping  | KillAll                  | Stopping  | CancelTimers SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Stopping  | Unblocked                | -         |
            Stopping  | Asked(START)             | Stopping  | Refuse(ALREADY)
            Stopping  | Asked(STOP)              | Stopping  | Refuse(ALREADY)
            Stopping  | Asked(RESTART)           | Stopping  | Refuse(NOT_NOW)
            Stopping  | Asked(KILL)              | Stopping  | CancelTimers SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Stopping  | TimerFired(STOP_TIMEOUT) | Stopping  | Explain SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Stopping  | TimerFired(AFTER_KILL)   | Stopped   | Publish(STOPPED) Advance
            Stopping  | TimerFired(BACKOFF_OVER) | -         |
            Stopping  | StopCommandFailed        | -         |
            Stopping  | Reconfigured(REMOVED)    | Stopping  |
            Stopping  | Reconfigured(CHANGED)    | Stopping  |
            Stopping  | FilesChanged             | -         |
            Backoff   | Launched                 | Starting  | Publish(STARTING)
            Backoff   | Blocked                  | -         |
            Backoff   | Started                  | -         |
            Backoff   | Exited(Code 0)           | -         |
            Backoff   | Exited(Code 1)           | -         |
            Backoff   | Exited(NeverStarted)     | -         |
            Backoff   | Exited(Unknown)          | -         |
            Backoff   | AwaitingDaemon           | -         |
            Backoff   | DaemonTookOver           | -         |
            Backoff   | NoDaemon                 | -         |
            Backoff   | LineMatched              | -         |
            Backoff   | ReadinessFound(passed)   | -         |
            Backoff   | ReadinessFound(gave up)  | -         |
            Backoff   | HealthChecked(passed)    | -         |
            Backoff   | HealthChecked(3 failed)  | -         |
            Backoff   | StackStopping            | Stopped   | CancelTimers Publish(STOPPED)
            Backoff   | Stop                     | -         |
            Backoff   | KillAll                  | -         |
            Backoff   | Unblocked                | -         |
            Backoff   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Backoff   | Asked(STOP)              | Stopped   | CancelTimers ReleasePorts Publish(STOPPED) Advance
            Backoff   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Backoff   | Asked(KILL)              | Backoff   | Refuse(NO_PROCESS)
            Backoff   | TimerFired(STOP_TIMEOUT) | -         |
            Backoff   | TimerFired(AFTER_KILL)   | -         |
            Backoff   | TimerFired(BACKOFF_OVER) | Backoff   | Launch
            Backoff   | StopCommandFailed        | -         |
            Backoff   | Reconfigured(REMOVED)    | Stopped   | CancelTimers ReleasePorts Publish(STOPPED)
            Backoff   | Reconfigured(CHANGED)    | Pending   | CancelTimers Replan Publish(PENDING) RequeueBlocked Advance
            Backoff   | FilesChanged             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Exited    | Launched                 | -         |
            Exited    | Blocked                  | -         |
            Exited    | Started                  | -         |
            Exited    | Exited(Code 0)           | -         |
            Exited    | Exited(Code 1)           | -         |
            Exited    | Exited(NeverStarted)     | -         |
            Exited    | Exited(Unknown)          | -         |
            Exited    | AwaitingDaemon           | -         |
            Exited    | DaemonTookOver           | -         |
            Exited    | NoDaemon                 | -         |
            Exited    | LineMatched              | -         |
            Exited    | ReadinessFound(passed)   | -         |
            Exited    | ReadinessFound(gave up)  | -         |
            Exited    | HealthChecked(passed)    | -         |
            Exited    | HealthChecked(3 failed)  | -         |
            Exited    | StackStopping            | Exited    |
            Exited    | Stop                     | -         |
            Exited    | KillAll                  | -         |
            Exited    | Unblocked                | -         |
            Exited    | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Exited    | Asked(STOP)              | Exited    | Refuse(ALREADY)
            Exited    | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Exited    | Asked(KILL)              | Exited    | Refuse(NO_PROCESS)
            Exited    | TimerFired(STOP_TIMEOUT) | -         |
            Exited    | TimerFired(AFTER_KILL)   | -         |
            Exited    | TimerFired(BACKOFF_OVER) | -         |
            Exited    | StopCommandFailed        | -         |
            Exited    | Reconfigured(REMOVED)    | Exited    |
            Exited    | Reconfigured(CHANGED)    | Pending   | CancelTimers Replan Publish(PENDING) RequeueBlocked Advance
            Exited    | FilesChanged             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Crashed   | Launched                 | -         |
            Crashed   | Blocked                  | -         |
            Crashed   | Started                  | -         |
            Crashed   | Exited(Code 0)           | -         |
            Crashed   | Exited(Code 1)           | -         |
            Crashed   | Exited(NeverStarted)     | -         |
            Crashed   | Exited(Unknown)          | -         |
            Crashed   | AwaitingDaemon           | -         |
            Crashed   | DaemonTookOver           | -         |
            Crashed   | NoDaemon                 | -         |
            Crashed   | LineMatched              | -         |
            Crashed   | ReadinessFound(passed)   | -         |
            Crashed   | ReadinessFound(gave up)  | -         |
            Crashed   | HealthChecked(passed)    | -         |
            Crashed   | HealthChecked(3 failed)  | -         |
            Crashed   | StackStopping            | Crashed   |
            Crashed   | Stop                     | -         |
            Crashed   | KillAll                  | -         |
            Crashed   | Unblocked                | -         |
            Crashed   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Crashed   | Asked(STOP)              | Crashed   | Refuse(ALREADY)
            Crashed   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Crashed   | Asked(KILL)              | Crashed   | Refuse(NO_PROCESS)
            Crashed   | TimerFired(STOP_TIMEOUT) | -         |
            Crashed   | TimerFired(AFTER_KILL)   | -         |
            Crashed   | TimerFired(BACKOFF_OVER) | -         |
            Crashed   | StopCommandFailed        | -         |
            Crashed   | Reconfigured(REMOVED)    | Crashed   |
            Crashed   | Reconfigured(CHANGED)    | Pending   | CancelTimers Replan Publish(PENDING) RequeueBlocked Advance
            Crashed   | FilesChanged             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Failed    | Launched                 | -         |
            Failed    | Blocked                  | -         |
            Failed    | Started                  | -         |
            Failed    | Exited(Code 0)           | -         |
            Failed    | Exited(Code 1)           | -         |
            Failed    | Exited(NeverStarted)     | -         |
            Failed    | Exited(Unknown)          | -         |
            Failed    | AwaitingDaemon           | -         |
            Failed    | DaemonTookOver           | -         |
            Failed    | NoDaemon                 | -         |
            Failed    | LineMatched              | -         |
            Failed    | ReadinessFound(passed)   | -         |
            Failed    | ReadinessFound(gave up)  | -         |
            Failed    | HealthChecked(passed)    | -         |
            Failed    | HealthChecked(3 failed)  | -         |
            Failed    | StackStopping            | Failed    |
            Failed    | Stop                     | -         |
            Failed    | KillAll                  | -         |
            Failed    | Unblocked                | -         |
            Failed    | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Failed    | Asked(STOP)              | Failed    | Refuse(ALREADY)
            Failed    | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Failed    | Asked(KILL)              | Failed    | Refuse(NO_PROCESS)
            Failed    | TimerFired(STOP_TIMEOUT) | -         |
            Failed    | TimerFired(AFTER_KILL)   | -         |
            Failed    | TimerFired(BACKOFF_OVER) | -         |
            Failed    | StopCommandFailed        | -         |
            Failed    | Reconfigured(REMOVED)    | Failed    |
            Failed    | Reconfigured(CHANGED)    | Pending   | CancelTimers Replan Publish(PENDING) RequeueBlocked Advance
            Failed    | FilesChanged             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Stopped   | Launched                 | -         |
            Stopped   | Blocked                  | -         |
            Stopped   | Started                  | -         |
            Stopped   | Exited(Code 0)           | -         |
            Stopped   | Exited(Code 1)           | -         |
            Stopped   | Exited(NeverStarted)     | -         |
            Stopped   | Exited(Unknown)          | -         |
            Stopped   | AwaitingDaemon           | -         |
            Stopped   | DaemonTookOver           | -         |
            Stopped   | NoDaemon                 | -         |
            Stopped   | LineMatched              | -         |
            Stopped   | ReadinessFound(passed)   | -         |
            Stopped   | ReadinessFound(gave up)  | -         |
            Stopped   | HealthChecked(passed)    | -         |
            Stopped   | HealthChecked(3 failed)  | -         |
            Stopped   | StackStopping            | Stopped   |
            Stopped   | Stop                     | -         |
            Stopped   | KillAll                  | -         |
            Stopped   | Unblocked                | -         |
            Stopped   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Stopped   | Asked(STOP)              | Stopped   | Refuse(ALREADY)
            Stopped   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Stopped   | Asked(KILL)              | Stopped   | Refuse(NO_PROCESS)
            Stopped   | TimerFired(STOP_TIMEOUT) | -         |
            Stopped   | TimerFired(AFTER_KILL)   | -         |
            Stopped   | TimerFired(BACKOFF_OVER) | -         |
            Stopped   | StopCommandFailed        | -         |
            Stopped   | Reconfigured(REMOVED)    | Stopped   |
            Stopped   | Reconfigured(CHANGED)    | Pending   | CancelTimers Replan Publish(PENDING) RequeueBlocked Advance
            Stopped   | FilesChanged             | -         |
            """;

    /**
     * The same pairs once the stack stops: nothing restarts or starts, an up service is stopped when
     * told to (its dependents have ended), and every end moves the stop on (Proceed).
     */
    private static final String WHILE_THE_STACK_STOPS = """
            Pending   | Launched                 | Starting  | Publish(STARTING)
            Pending   | Blocked                  | Blocked   | ReleasePorts Publish(BLOCKED)
            Pending   | Started                  | -         |
            Pending   | Exited(Code 0)           | -         |
            Pending   | Exited(Code 1)           | -         |
            Pending   | Exited(NeverStarted)     | -         |
            Pending   | Exited(Unknown)          | -         |
            Pending   | AwaitingDaemon           | -         |
            Pending   | DaemonTookOver           | -         |
            Pending   | NoDaemon                 | -         |
            Pending   | LineMatched              | -         |
            Pending   | ReadinessFound(passed)   | -         |
            Pending   | ReadinessFound(gave up)  | -         |
            Pending   | HealthChecked(passed)    | -         |
            Pending   | HealthChecked(3 failed)  | -         |
            Pending   | StackStopping            | Stopped   | ReleasePorts Publish(STOPPED)
            Pending   | Stop                     | -         |
            Pending   | KillAll                  | -         |
            Pending   | Unblocked                | -         |
            Pending   | Asked(START)             | Pending   | Refuse(ALREADY)
            Pending   | Asked(STOP)              | Stopped   | CancelTimers ReleasePorts Publish(STOPPED) Advance
            Pending   | Asked(RESTART)           | Pending   | Refuse(NOT_NOW)
            Pending   | Asked(KILL)              | Pending   | Refuse(NO_PROCESS)
            Pending   | TimerFired(STOP_TIMEOUT) | -         |
            Pending   | TimerFired(AFTER_KILL)   | -         |
            Pending   | TimerFired(BACKOFF_OVER) | -         |
            Pending   | StopCommandFailed        | -         |
            Pending   | Reconfigured(REMOVED)    | -         |
            Pending   | Reconfigured(CHANGED)    | -         |
            Pending   | FilesChanged             | -         |
            Blocked   | Launched                 | -         |
            Blocked   | Blocked                  | -         |
            Blocked   | Started                  | -         |
            Blocked   | Exited(Code 0)           | -         |
            Blocked   | Exited(Code 1)           | -         |
            Blocked   | Exited(NeverStarted)     | -         |
            Blocked   | Exited(Unknown)          | -         |
            Blocked   | AwaitingDaemon           | -         |
            Blocked   | DaemonTookOver           | -         |
            Blocked   | NoDaemon                 | -         |
            Blocked   | LineMatched              | -         |
            Blocked   | ReadinessFound(passed)   | -         |
            Blocked   | ReadinessFound(gave up)  | -         |
            Blocked   | HealthChecked(passed)    | -         |
            Blocked   | HealthChecked(3 failed)  | -         |
            Blocked   | StackStopping            | -         |
            Blocked   | Stop                     | -         |
            Blocked   | KillAll                  | -         |
            Blocked   | Unblocked                | Pending   | Publish(PENDING)
            Blocked   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Blocked   | Asked(STOP)              | Blocked   | Refuse(ALREADY)
            Blocked   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Blocked   | Asked(KILL)              | Blocked   | Refuse(NO_PROCESS)
            Blocked   | TimerFired(STOP_TIMEOUT) | -         |
            Blocked   | TimerFired(AFTER_KILL)   | -         |
            Blocked   | TimerFired(BACKOFF_OVER) | -         |
            Blocked   | StopCommandFailed        | -         |
            Blocked   | Reconfigured(REMOVED)    | -         |
            Blocked   | Reconfigured(CHANGED)    | -         |
            Blocked   | FilesChanged             | -         |
            Starting  | Launched                 | -         |
            Starting  | Blocked                  | -         |
            Starting  | Started                  | Running   | Publish(RUNNING) WatchReadiness Advance
            Starting  | Exited(Code 0)           | Exited    | CancelTimers EndRemaining Publish(EXITED) Proceed
            Starting  | Exited(Code 1)           | Crashed   | CancelTimers EndRemaining Publish(CRASHED) Proceed
            Starting  | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Proceed
            Starting  | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Proceed
            Starting  | AwaitingDaemon           | -         |
            Starting  | DaemonTookOver           | -         |
            Starting  | NoDaemon                 | -         |
            Starting  | LineMatched              | Starting  |
            Starting  | ReadinessFound(passed)   | -         |
            Starting  | ReadinessFound(gave up)  | -         |
            Starting  | HealthChecked(passed)    | -         |
            Starting  | HealthChecked(3 failed)  | -         |
            Starting  | StackStopping            | Starting  |
            Starting  | Stop                     | -         |
            Starting  | KillAll                  | Starting  |
            Starting  | Unblocked                | -         |
            Starting  | Asked(START)             | Starting  | Refuse(ALREADY)
            Starting  | Asked(STOP)              | Starting  |
            Starting  | Asked(RESTART)           | Starting  | Refuse(NOT_NOW)
            Starting  | Asked(KILL)              | Starting  | Refuse(NO_PROCESS)
            Starting  | TimerFired(STOP_TIMEOUT) | -         |
            Starting  | TimerFired(AFTER_KILL)   | -         |
            Starting  | TimerFired(BACKOFF_OVER) | -         |
            Starting  | StopCommandFailed        | -         |
            Starting  | Reconfigured(REMOVED)    | -         |
            Starting  | Reconfigured(CHANGED)    | -         |
            Starting  | FilesChanged             | -         |
            Running   | Launched                 | -         |
            Running   | Blocked                  | -         |
            Running   | Started                  | -         |
            Running   | Exited(Code 0)           | Exited    | CancelTimers EndRemaining Publish(EXITED) Proceed
            Running   | Exited(Code 1)           | Crashed   | CancelTimers EndRemaining Publish(CRASHED) Proceed
            Running   | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Proceed
            Running   | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Proceed
            Running   | AwaitingDaemon           | Running   | Explain
            Running   | DaemonTookOver           | Running   | Publish(RUNNING)
            Running   | NoDaemon                 | Exited    | CancelTimers EndRemaining Publish(EXITED) Proceed
            Running   | LineMatched              | Ready     | Publish(READY) WatchHealth(0) Advance
            Running   | ReadinessFound(passed)   | Ready     | Publish(READY) WatchHealth(0) Advance
            Running   | ReadinessFound(gave up)  | Running   | Explain Advance
            Running   | HealthChecked(passed)    | -         |
            Running   | HealthChecked(3 failed)  | -         |
            Running   | StackStopping            | -         |
            Running   | Stop                     | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Running   | KillAll                  | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Running   | Unblocked                | -         |
            Running   | Asked(START)             | Running   | Refuse(ALREADY)
            Running   | Asked(STOP)              | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Running   | Asked(RESTART)           | Running   |
            Running   | Asked(KILL)              | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Running   | TimerFired(STOP_TIMEOUT) | -         |
            Running   | TimerFired(AFTER_KILL)   | -         |
            Running   | TimerFired(BACKOFF_OVER) | -         |
            Running   | StopCommandFailed        | -         |
            Running   | Reconfigured(REMOVED)    | -         |
            Running   | Reconfigured(CHANGED)    | -         |
            Running   | FilesChanged             | -         |
            Ready     | Launched                 | -         |
            Ready     | Blocked                  | -         |
            Ready     | Started                  | -         |
            Ready     | Exited(Code 0)           | Exited    | CancelTimers EndRemaining Publish(EXITED) Proceed
            Ready     | Exited(Code 1)           | Crashed   | CancelTimers EndRemaining Publish(CRASHED) Proceed
            Ready     | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Proceed
            Ready     | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Proceed
            Ready     | AwaitingDaemon           | Ready     | Explain
            Ready     | DaemonTookOver           | Ready     | Publish(READY)
            Ready     | NoDaemon                 | Exited    | CancelTimers EndRemaining Publish(EXITED) Proceed
            Ready     | LineMatched              | -         |
            Ready     | ReadinessFound(passed)   | -         |
            Ready     | ReadinessFound(gave up)  | -         |
            Ready     | HealthChecked(passed)    | Ready     | WatchHealth(0)
            Ready     | HealthChecked(3 failed)  | Unhealthy | Publish(UNHEALTHY) WatchHealth(3)
            Ready     | StackStopping            | -         |
            Ready     | Stop                     | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Ready     | KillAll                  | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Ready     | Unblocked                | -         |
            Ready     | Asked(START)             | Ready     | Refuse(ALREADY)
            Ready     | Asked(STOP)              | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Ready     | Asked(RESTART)           | Ready     |
            Ready     | Asked(KILL)              | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Ready     | TimerFired(STOP_TIMEOUT) | -         |
            Ready     | TimerFired(AFTER_KILL)   | -         |
            Ready     | TimerFired(BACKOFF_OVER) | -         |
            Ready     | StopCommandFailed        | -         |
            Ready     | Reconfigured(REMOVED)    | -         |
            Ready     | Reconfigured(CHANGED)    | -         |
            Ready     | FilesChanged             | -         |
            Unhealthy | Launched                 | -         |
            Unhealthy | Blocked                  | -         |
            Unhealthy | Started                  | -         |
            Unhealthy | Exited(Code 0)           | Exited    | CancelTimers EndRemaining Publish(EXITED) Proceed
            Unhealthy | Exited(Code 1)           | Crashed   | CancelTimers EndRemaining Publish(CRASHED) Proceed
            Unhealthy | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Proceed
            Unhealthy | Exited(Unknown)          | Exited    | CancelTimers EndRemaining TellAdoptedEnded Publish(EXITED) Proceed
            Unhealthy | AwaitingDaemon           | Unhealthy | Explain
            Unhealthy | DaemonTookOver           | Unhealthy | Publish(UNHEALTHY)
            Unhealthy | NoDaemon                 | Exited    | CancelTimers EndRemaining Publish(EXITED) Proceed
            Unhealthy | LineMatched              | -         |
            Unhealthy | ReadinessFound(passed)   | -         |
            Unhealthy | ReadinessFound(gave up)  | -         |
            Unhealthy | HealthChecked(passed)    | Ready     | Publish(READY) WatchHealth(0)
            Unhealthy | HealthChecked(3 failed)  | Unhealthy | WatchHealth(3)
            Unhealthy | StackStopping            | -         |
            Unhealthy | Stop                     | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Unhealthy | KillAll                  | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Unhealthy | Unblocked                | -         |
            Unhealthy | Asked(START)             | Unhealthy | Refuse(ALREADY)
            Unhealthy | Asked(STOP)              | Stopping  | CancelTimers Publish(STOPPING) SignalGroup(SIGTERM) Track Schedule(STOP_TIMEOUT 5s)
            Unhealthy | Asked(RESTART)           | Unhealthy |
            Unhealthy | Asked(KILL)              | Stopping  | CancelTimers Publish(STOPPING) Track SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Unhealthy | TimerFired(STOP_TIMEOUT) | -         |
            Unhealthy | TimerFired(AFTER_KILL)   | -         |
            Unhealthy | TimerFired(BACKOFF_OVER) | -         |
            Unhealthy | StopCommandFailed        | -         |
            Unhealthy | Reconfigured(REMOVED)    | -         |
            Unhealthy | Reconfigured(CHANGED)    | -         |
            Unhealthy | FilesChanged             | -         |
            Stopping  | Launched                 | -         |
            Stopping  | Blocked                  | -         |
            Stopping  | Started                  | -         |
            Stopping  | Exited(Code 0)           | Stopped   | CancelTimers EndRemaining Publish(STOPPED) Proceed
            Stopping  | Exited(Code 1)           | Stopped   | CancelTimers EndRemaining Publish(STOPPED) Proceed
            Stopping  | Exited(NeverStarted)     | Failed    | CancelTimers EndRemaining Publish(FAILED) Proceed
            Stopping  | Exited(Unknown)          | Stopped   | CancelTimers EndRemaining TellAdoptedEnded Publish(STOPPED) Proceed
            Stopping  | AwaitingDaemon           | -         |
            Stopping  | DaemonTookOver           | -         |
            Stopping  | NoDaemon                 | -         |
            Stopping  | LineMatched              | -         |
            Stopping  | ReadinessFound(passed)   | -         |
            Stopping  | ReadinessFound(gave up)  | -         |
            Stopping  | HealthChecked(passed)    | -         |
            Stopping  | HealthChecked(3 failed)  | -         |
            Stopping  | StackStopping            | -         |
            Stopping  | Stop                     | -         |
            Stopping  | KillAll                  | Stopping  | CancelTimers SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Stopping  | Unblocked                | -         |
            Stopping  | Asked(START)             | Stopping  | Refuse(ALREADY)
            Stopping  | Asked(STOP)              | Stopping  | Refuse(ALREADY)
            Stopping  | Asked(RESTART)           | Stopping  | Refuse(NOT_NOW)
            Stopping  | Asked(KILL)              | Stopping  | CancelTimers SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Stopping  | TimerFired(STOP_TIMEOUT) | Stopping  | Explain SignalGroup(SIGKILL) Schedule(AFTER_KILL 2s)
            Stopping  | TimerFired(AFTER_KILL)   | Stopped   | Publish(STOPPED) Proceed
            Stopping  | TimerFired(BACKOFF_OVER) | -         |
            Stopping  | StopCommandFailed        | -         |
            Stopping  | Reconfigured(REMOVED)    | -         |
            Stopping  | Reconfigured(CHANGED)    | -         |
            Stopping  | FilesChanged             | -         |
            Backoff   | Launched                 | Starting  | Publish(STARTING)
            Backoff   | Blocked                  | -         |
            Backoff   | Started                  | -         |
            Backoff   | Exited(Code 0)           | -         |
            Backoff   | Exited(Code 1)           | -         |
            Backoff   | Exited(NeverStarted)     | -         |
            Backoff   | Exited(Unknown)          | -         |
            Backoff   | AwaitingDaemon           | -         |
            Backoff   | DaemonTookOver           | -         |
            Backoff   | NoDaemon                 | -         |
            Backoff   | LineMatched              | -         |
            Backoff   | ReadinessFound(passed)   | -         |
            Backoff   | ReadinessFound(gave up)  | -         |
            Backoff   | HealthChecked(passed)    | -         |
            Backoff   | HealthChecked(3 failed)  | -         |
            Backoff   | StackStopping            | Stopped   | CancelTimers Publish(STOPPED)
            Backoff   | Stop                     | -         |
            Backoff   | KillAll                  | -         |
            Backoff   | Unblocked                | -         |
            Backoff   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Backoff   | Asked(STOP)              | Stopped   | CancelTimers ReleasePorts Publish(STOPPED) Advance
            Backoff   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Backoff   | Asked(KILL)              | Backoff   | Refuse(NO_PROCESS)
            Backoff   | TimerFired(STOP_TIMEOUT) | -         |
            Backoff   | TimerFired(AFTER_KILL)   | -         |
            Backoff   | TimerFired(BACKOFF_OVER) | -         |
            Backoff   | StopCommandFailed        | -         |
            Backoff   | Reconfigured(REMOVED)    | -         |
            Backoff   | Reconfigured(CHANGED)    | -         |
            Backoff   | FilesChanged             | -         |
            Exited    | Launched                 | -         |
            Exited    | Blocked                  | -         |
            Exited    | Started                  | -         |
            Exited    | Exited(Code 0)           | -         |
            Exited    | Exited(Code 1)           | -         |
            Exited    | Exited(NeverStarted)     | -         |
            Exited    | Exited(Unknown)          | -         |
            Exited    | AwaitingDaemon           | -         |
            Exited    | DaemonTookOver           | -         |
            Exited    | NoDaemon                 | -         |
            Exited    | LineMatched              | -         |
            Exited    | ReadinessFound(passed)   | -         |
            Exited    | ReadinessFound(gave up)  | -         |
            Exited    | HealthChecked(passed)    | -         |
            Exited    | HealthChecked(3 failed)  | -         |
            Exited    | StackStopping            | -         |
            Exited    | Stop                     | -         |
            Exited    | KillAll                  | -         |
            Exited    | Unblocked                | -         |
            Exited    | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Exited    | Asked(STOP)              | Exited    | Refuse(ALREADY)
            Exited    | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Exited    | Asked(KILL)              | Exited    | Refuse(NO_PROCESS)
            Exited    | TimerFired(STOP_TIMEOUT) | -         |
            Exited    | TimerFired(AFTER_KILL)   | -         |
            Exited    | TimerFired(BACKOFF_OVER) | -         |
            Exited    | StopCommandFailed        | -         |
            Exited    | Reconfigured(REMOVED)    | -         |
            Exited    | Reconfigured(CHANGED)    | -         |
            Exited    | FilesChanged             | -         |
            Crashed   | Launched                 | -         |
            Crashed   | Blocked                  | -         |
            Crashed   | Started                  | -         |
            Crashed   | Exited(Code 0)           | -         |
            Crashed   | Exited(Code 1)           | -         |
            Crashed   | Exited(NeverStarted)     | -         |
            Crashed   | Exited(Unknown)          | -         |
            Crashed   | AwaitingDaemon           | -         |
            Crashed   | DaemonTookOver           | -         |
            Crashed   | NoDaemon                 | -         |
            Crashed   | LineMatched              | -         |
            Crashed   | ReadinessFound(passed)   | -         |
            Crashed   | ReadinessFound(gave up)  | -         |
            Crashed   | HealthChecked(passed)    | -         |
            Crashed   | HealthChecked(3 failed)  | -         |
            Crashed   | StackStopping            | -         |
            Crashed   | Stop                     | -         |
            Crashed   | KillAll                  | -         |
            Crashed   | Unblocked                | -         |
            Crashed   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Crashed   | Asked(STOP)              | Crashed   | Refuse(ALREADY)
            Crashed   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Crashed   | Asked(KILL)              | Crashed   | Refuse(NO_PROCESS)
            Crashed   | TimerFired(STOP_TIMEOUT) | -         |
            Crashed   | TimerFired(AFTER_KILL)   | -         |
            Crashed   | TimerFired(BACKOFF_OVER) | -         |
            Crashed   | StopCommandFailed        | -         |
            Crashed   | Reconfigured(REMOVED)    | -         |
            Crashed   | Reconfigured(CHANGED)    | -         |
            Crashed   | FilesChanged             | -         |
            Failed    | Launched                 | -         |
            Failed    | Blocked                  | -         |
            Failed    | Started                  | -         |
            Failed    | Exited(Code 0)           | -         |
            Failed    | Exited(Code 1)           | -         |
            Failed    | Exited(NeverStarted)     | -         |
            Failed    | Exited(Unknown)          | -         |
            Failed    | AwaitingDaemon           | -         |
            Failed    | DaemonTookOver           | -         |
            Failed    | NoDaemon                 | -         |
            Failed    | LineMatched              | -         |
            Failed    | ReadinessFound(passed)   | -         |
            Failed    | ReadinessFound(gave up)  | -         |
            Failed    | HealthChecked(passed)    | -         |
            Failed    | HealthChecked(3 failed)  | -         |
            Failed    | StackStopping            | -         |
            Failed    | Stop                     | -         |
            Failed    | KillAll                  | -         |
            Failed    | Unblocked                | -         |
            Failed    | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Failed    | Asked(STOP)              | Failed    | Refuse(ALREADY)
            Failed    | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Failed    | Asked(KILL)              | Failed    | Refuse(NO_PROCESS)
            Failed    | TimerFired(STOP_TIMEOUT) | -         |
            Failed    | TimerFired(AFTER_KILL)   | -         |
            Failed    | TimerFired(BACKOFF_OVER) | -         |
            Failed    | StopCommandFailed        | -         |
            Failed    | Reconfigured(REMOVED)    | -         |
            Failed    | Reconfigured(CHANGED)    | -         |
            Failed    | FilesChanged             | -         |
            Stopped   | Launched                 | -         |
            Stopped   | Blocked                  | -         |
            Stopped   | Started                  | -         |
            Stopped   | Exited(Code 0)           | -         |
            Stopped   | Exited(Code 1)           | -         |
            Stopped   | Exited(NeverStarted)     | -         |
            Stopped   | Exited(Unknown)          | -         |
            Stopped   | AwaitingDaemon           | -         |
            Stopped   | DaemonTookOver           | -         |
            Stopped   | NoDaemon                 | -         |
            Stopped   | LineMatched              | -         |
            Stopped   | ReadinessFound(passed)   | -         |
            Stopped   | ReadinessFound(gave up)  | -         |
            Stopped   | HealthChecked(passed)    | -         |
            Stopped   | HealthChecked(3 failed)  | -         |
            Stopped   | StackStopping            | -         |
            Stopped   | Stop                     | -         |
            Stopped   | KillAll                  | -         |
            Stopped   | Unblocked                | -         |
            Stopped   | Asked(START)             | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Stopped   | Asked(STOP)              | Stopped   | Refuse(ALREADY)
            Stopped   | Asked(RESTART)           | Pending   | CancelTimers Publish(PENDING) RequeueBlocked Advance
            Stopped   | Asked(KILL)              | Stopped   | Refuse(NO_PROCESS)
            Stopped   | TimerFired(STOP_TIMEOUT) | -         |
            Stopped   | TimerFired(AFTER_KILL)   | -         |
            Stopped   | TimerFired(BACKOFF_OVER) | -         |
            Stopped   | StopCommandFailed        | -         |
            Stopped   | Reconfigured(REMOVED)    | -         |
            Stopped   | Reconfigured(CHANGED)    | -         |
            Stopped   | FilesChanged             | -         |
            """;

    @Test
    void theSamplesCoverEveryPhaseInputActionTimerAndExitStatus() {
        assertThat(PHASES.values().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(Phase.class.getPermittedSubclasses());
        assertThat(INPUTS.values().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(Input.class.getPermittedSubclasses());
        assertThat(INPUTS.values().stream().filter(Input.Asked.class::isInstance)
                .map(input -> ((Input.Asked) input).action())).containsExactlyInAnyOrder(Input.Action.values());
        assertThat(INPUTS.values().stream().filter(Input.TimerFired.class::isInstance)
                .map(input -> ((Input.TimerFired) input).timer())).containsExactlyInAnyOrder(Input.Timer.values());
        assertThat(INPUTS.values().stream().filter(Input.Exited.class::isInstance)
                .<Class<?>>map(input -> ((Input.Exited) input).status().getClass()).distinct())
                .containsExactlyInAnyOrder(ExitStatus.class.getPermittedSubclasses());
    }

    @Test
    void everyPhaseAndInputHasADecision() {
        assertThat(decisions(false)).containsExactlyElementsOf(TABLE.lines().map(String::strip).toList());
    }

    @Test
    void everyPhaseAndInputHasADecisionWhileTheStackStops() {
        assertThat(decisions(true)).containsExactlyElementsOf(WHILE_THE_STACK_STOPS.lines().map(String::strip).toList());
    }

    private static List<String> decisions(boolean stackStopping) {
        List<String> actual = new ArrayList<>();
        PHASES.forEach((phaseName, phase) -> INPUTS.forEach((inputName, input) -> {
            Life before = life(phase, stackStopping);
            Lifecycle.Transition transition = new Lifecycle(SERVER).next(before, input, NOW);
            String after = transition.life().equals(before) && transition.effects().isEmpty() ? "-"
                    : transition.life().phase().getClass().getSimpleName();
            actual.add(String.format("%-9s | %-24s | %-9s | %s", phaseName, inputName, after,
                    transition.effects().stream().map(LifecycleTest::name).collect(Collectors.joining(" "))).strip());
        }));
        return actual;
    }

    @Test
    void aServiceStoppedToBeRestartedStartsAgainAtOnceTellingWhy() {
        Life unhealthy = life(PHASES.get("Unhealthy"));
        Lifecycle lifecycle = new Lifecycle(SERVER);

        Lifecycle.Transition restart = lifecycle.next(unhealthy, new Input.Asked(Input.Action.RESTART,
                Optional.empty()), NOW);
        Lifecycle.Transition ended = lifecycle.next(restart.life(), new Input.Exited(new ExitStatus.Code(15)), NOW);

        assertThat(restart.life().streak()).isZero();
        assertThat(ended.life().phase()).isEqualTo(new Phase.Backoff(new ServiceDetail.RestartingNow(
                new ExitDescription.Signalled(Signal.TERM, new StopCause.Restart(RestartReason.ASKED)), 2,
                RestartReason.ASKED)));
        assertThat(ended.effects()).contains(new Effect.Launch());
    }

    @Test
    void aServiceWhoseFilesChangedWaitsAsPendingForWhatItDependsOnOnceItHasStopped() {
        Lifecycle lifecycle = new Lifecycle(SERVER);

        Lifecycle.Transition changed = lifecycle.next(life(PHASES.get("Ready")), new Input.FilesChanged(), NOW);
        Lifecycle.Transition ended = lifecycle.next(changed.life(), new Input.Exited(new ExitStatus.Code(15)), NOW);

        assertThat(changed.life().started()).as("its dependents wait for the new run").isFalse();
        assertThat(changed.life().readiness()).isEqualTo(Life.Readiness.WAITING);
        assertThat(ended.life().phase()).isEqualTo(new Phase.Pending(new ServiceDetail.FilesChanged()));
        assertThat(ended.life().restarts()).isEqualTo(changed.life().restarts() + 1);
        assertThat(ended.effects()).contains(new Effect.Advance()).doesNotContain(new Effect.Launch());
    }

    @Test
    void aRunOfAMinuteEndsTheRestartStreak() {
        Life running = new Life(new Phase.Running(PID, START, new ServiceDetail.Started(PID)), 7, 3, true, false,
                Life.Readiness.PASSED, false, false, OptionalInt.empty());

        Lifecycle.Transition soon = new Lifecycle(SERVER).next(running, new Input.Exited(new ExitStatus.Code(1)), NOW);
        Lifecycle.Transition late = new Lifecycle(SERVER).next(running, new Input.Exited(new ExitStatus.Code(1)),
                START.plus(Duration.ofMinutes(1)));

        assertThat(soon.life().phase()).isEqualTo(new Phase.Failed(new ServiceDetail.GaveUp(
                new ExitDescription.Natural(1), 3)));
        assertThat(late.life().phase()).isEqualTo(new Phase.Backoff(new ServiceDetail.RestartScheduled(
                new ExitDescription.Natural(1), 8, Duration.ofSeconds(1))));
        assertThat(late.life().streak()).isEqualTo(1);
    }

    @Test
    void aFailedTaskWithExitOnFailureEndsTheStackAndRepeatsItsLastLines() {
        LifeRules task = new LifeRules("migrate", Path.of("/srv"), true, RestartPolicy.NEVER, Signal.TERM,
                Duration.ofSeconds(5), false, Optional.empty(), Optional.empty(), false, true, Optional.empty(),
                Optional.empty());
        Life running = life(new Phase.Running(PID, START, new ServiceDetail.Started(PID)));

        Lifecycle.Transition crashed = new Lifecycle(task).next(running, new Input.Exited(new ExitStatus.Code(300)), NOW);
        Lifecycle.Transition completed = new Lifecycle(task).next(running, new Input.Exited(new ExitStatus.Code(0)), NOW);

        ServiceDetail exit = new ServiceDetail.Ended(new ExitDescription.Natural(300));
        assertThat(crashed.effects()).containsSubsequence(new Effect.Publish(ServiceState.CRASHED, exit),
                new Effect.TellLastLines(), new Effect.FailStack(exit));
        assertThat(completed.life().phase()).isEqualTo(new Phase.Exited(new ServiceDetail.Completed()));
        assertThat(completed.life().completed()).isTrue();
    }

    @Test
    void aStopCommandThatFailsIsFollowedByTheStopSignalAndTheTimeoutByKill() {
        LifeRules withStopCommand = new LifeRules("serve", Path.of("/srv"), false, RestartPolicy.NEVER,
                Signal.INT, Duration.ofSeconds(3), true, Optional.empty(), Optional.empty(), false, false,
                Optional.empty(), Optional.empty());
        Lifecycle lifecycle = new Lifecycle(withStopCommand);

        Lifecycle.Transition stop = lifecycle.next(life(PHASES.get("Running"), true), new Input.Stop(), NOW);
        Lifecycle.Transition failed = lifecycle.next(stop.life(), new Input.StopCommandFailed("exit 2"), NOW);
        Lifecycle.Transition timeout = lifecycle.next(failed.life(), new Input.TimerFired(Input.Timer.STOP_TIMEOUT), NOW);
        Lifecycle.Transition ended = lifecycle.next(timeout.life(), new Input.Exited(new ExitStatus.Code(9)), NOW);

        assertThat(stop.effects()).contains(new Effect.RunStopCommand()).doesNotHaveAnyElementsOfTypes(
                Effect.SignalGroup.class);
        assertThat(failed.effects()).containsExactly(new Effect.TellStopCommandFailed("exit 2", Signal.INT),
                new Effect.SignalGroup(Signal.INT));
        assertThat(timeout.life().phase().detail()).isEqualTo(new ServiceDetail.KillAfterTimeout(Duration.ofSeconds(3),
                new StopMeans.StopCommand()));
        assertThat(ended.life().phase()).isEqualTo(new Phase.Stopped(new ServiceDetail.Ended(
                new ExitDescription.Signalled(Signal.KILL, SHUTDOWN))));
    }

    @Test
    void aLogLineBeforeTheStartMakesItReadyAsSoonAsItStarts() {
        CheckSpec log = new CheckSpec(CheckSpec.Kind.LOG, "listening", CheckSpec.StatusRange.SUCCESS_OR_REDIRECT,
                Optional.empty(), Duration.ofSeconds(60), OptionalInt.empty(), Location.file("ports.yaml"));
        LifeRules rules = new LifeRules("serve", Path.of("/srv"), false, RestartPolicy.NEVER, Signal.TERM,
                Duration.ofSeconds(5), false, Optional.of(log), Optional.empty(), false, false, Optional.empty(),
                Optional.empty());
        Lifecycle lifecycle = new Lifecycle(rules);

        Lifecycle.Transition matched = lifecycle.next(life(PHASES.get("Starting")), new Input.LineMatched(), START);
        Lifecycle.Transition started = lifecycle.next(matched.life(), new Input.Started(PID), START);

        assertThat(started.life().phase()).isEqualTo(new Phase.Ready(PID, START, new ServiceDetail.Ready(
                new ReadinessFinding.LineMatched("listening"), Duration.ZERO)));
        assertThat(started.life().readiness()).isEqualTo(Life.Readiness.PASSED);
    }

    @Test
    void theStackStoppingLeavesAnAdoptedProcessRunningAndStopsAStartingOneOnceItStarts() {
        Lifecycle lifecycle = new Lifecycle(SERVER);
        Life adopted = new Life(PHASES.get("Ready"), 0, 0, true, false, Life.Readiness.PASSED, true, true,
                OptionalInt.empty());

        Lifecycle.Transition left = lifecycle.next(adopted, new Input.Stop(), NOW);
        Lifecycle.Transition stopping = lifecycle.next(life(PHASES.get("Starting")), new Input.StackStopping(), NOW);
        Lifecycle.Transition started = lifecycle.next(stopping.life(), new Input.Started(PID), NOW);

        assertThat(left.life().phase()).isEqualTo(new Phase.Stopped(new ServiceDetail.LeftRunning(PID)));
        assertThat(started.effects()).extracting(effect -> effect.getClass().getSimpleName()).containsExactly(
                "Publish", "CancelTimers", "Publish", "SignalGroup", "Track", "Schedule");
    }

    @Test
    void whoAskedForAStopIsCarriedToHowItEnded() {
        Lifecycle lifecycle = new Lifecycle(SERVER);
        StopCause.Asked asked = new StopCause.Asked(Optional.of("`devstack kill 3000`"));

        Lifecycle.Transition stop = lifecycle.next(life(PHASES.get("Ready")), new Input.Asked(Input.Action.STOP,
                asked.by()), NOW);
        Lifecycle.Transition ended = lifecycle.next(stop.life(), new Input.Exited(new ExitStatus.Code(15)), NOW);

        assertThat(stop.life().phase().detail()).isEqualTo(new ServiceDetail.Stopping(TERM,
                Optional.of(Duration.ofSeconds(5)), asked));
        assertThat(ended.life().phase()).isEqualTo(new Phase.Stopped(new ServiceDetail.Ended(
                new ExitDescription.Signalled(Signal.TERM, asked))));
    }

    @Test
    void aChangedServiceStopsThenWaitsForItsNewPlanAndItsDependentsWaitForItsNewRun() {
        Lifecycle lifecycle = new Lifecycle(SERVER);
        Life ready = new Life(PHASES.get("Ready"), 2, 1, true, false, Life.Readiness.PASSED, false, false,
                OptionalInt.empty());

        Lifecycle.Transition stop = lifecycle.next(ready, new Input.Reconfigured(Input.Change.CHANGED), NOW);
        Lifecycle.Transition ended = lifecycle.next(stop.life(), new Input.Exited(new ExitStatus.Code(143)), NOW);

        assertThat(stop.life().phase().detail()).isEqualTo(new ServiceDetail.Stopping(TERM,
                Optional.of(Duration.ofSeconds(5)), new StopCause.Reconfigured()));
        assertThat(stop.life().started()).isFalse();
        assertThat(stop.life().readiness()).isEqualTo(Life.Readiness.WAITING);
        assertThat(ended.life().phase()).isEqualTo(new Phase.Pending(new ServiceDetail.Reconfigured()));
        assertThat(ended.effects()).containsSubsequence(new Effect.EndRemaining(), new Effect.Replan(),
                new Effect.Publish(ServiceState.PENDING, new ServiceDetail.Reconfigured()), new Effect.Advance());
    }

    @Test
    void aRemovedServiceThatEndsBeforeItsStartIsReportedStaysStoppedDespiteItsRestartPolicy() {
        Lifecycle lifecycle = new Lifecycle(SERVER);

        Lifecycle.Transition removed = lifecycle.next(life(PHASES.get("Starting")),
                new Input.Reconfigured(Input.Change.REMOVED), NOW);
        Lifecycle.Transition ended = lifecycle.next(removed.life(), new Input.Exited(new ExitStatus.Code(1)), NOW);

        assertThat(ended.life().phase()).isEqualTo(new Phase.Stopped(new ServiceDetail.Ended(
                new ExitDescription.Natural(1))));
        assertThat(ended.effects()).doesNotHaveAnyElementsOfTypes(Effect.Schedule.class, Effect.Launch.class);
    }

    private static Life life(Phase phase) {
        return life(phase, false);
    }

    private static Life life(Phase phase, boolean stackStopping) {
        return new Life(phase, 1, 1, true, false, Life.Readiness.WAITING, false, stackStopping, OptionalInt.empty());
    }

    private static String name(Effect effect) {
        String name = effect.getClass().getSimpleName();
        if (effect instanceof Effect.Publish publish) {
            return name + "(" + publish.state() + ")";
        } else if (effect instanceof Effect.SignalGroup signal) {
            return name + "(" + signal.signal() + ")";
        } else if (effect instanceof Effect.Schedule schedule) {
            return name + "(" + schedule.timer() + " " + DetailText.seconds(schedule.delay()) + ")";
        } else if (effect instanceof Effect.Refuse refuse) {
            return name + "(" + refuse.refusal() + ")";
        } else if (effect instanceof Effect.WatchHealth watch) {
            return name + "(" + watch.inARow() + ")";
        }
        return name;
    }
}
