package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.StopSpec;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.model.StopMeans;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Stopping a stack: services that have not started will not; a running service is stopped (its
 * stop command, or its stop signal, SIGTERM by default, to its whole group) once everything that
 * depends on it has ended, so independent services stop together, and gets SIGKILL after its stop
 * timeout. Asked again, everything left gets SIGKILL.
 */
final class Stops {

    /** How long a SIGKILLed group may take to report its exit before devstack stops waiting. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);

    private final StackState stack;
    private final Engine engine;
    private final ProcessGroups groups;
    private final Descendants descendants;
    private final ExecutorService commands;

    /** @param commands where stop commands run (they may take up to the stop timeout) */
    Stops(StackState stack, Engine engine, ProcessGroups groups, Descendants descendants, ExecutorService commands) {
        this.stack = stack;
        this.engine = engine;
        this.groups = groups;
        this.descendants = descendants;
        this.commands = commands;
    }

    void begin() {
        stack.beginStop();
        stack.notice("", "stopping the stack");
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state == ServiceState.PENDING) {
                stack.plan.ports().release(service.name());
                stack.change(service, ServiceState.STOPPED, new ServiceDetail.NotStarted(StopCause.SHUTDOWN));
            } else if (service.state == ServiceState.BACKOFF) {
                service.cancelTimers();
                stack.change(service, ServiceState.STOPPED, new ServiceDetail.NotRestarted(StopCause.SHUTDOWN));
            }
        }
        proceed();
        stack.checkFinished();
    }

    /** Signals every running service whose dependents have all ended; called again as each one ends. */
    void proceed() {
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state.isUp()) {
                boolean dependentsDone = stack.graph.dependents(service.name()).stream()
                        .allMatch(name -> stack.services.get(name).state.isTerminal());
                if (dependentsDone && service.adopted) {
                    service.cancelTimers();
                    stack.change(service, ServiceState.STOPPED, new ServiceDetail.LeftRunning(service.pid));
                } else if (dependentsDone) {
                    terminate(service);
                }
            }
        }
    }

    /**
     * Its stop command, or else its stop signal (SIGTERM by default) to its group, now; SIGKILL
     * after its stop timeout. A stop command that fails is followed by the stop signal.
     */
    void terminate(ServiceRuntime service) {
        StopSpec stop = service.plan.spec().stop();
        Duration timeout = stop.timeout();
        service.cancelTimers();
        Optional<String> command = service.plan.stopCommand();
        if (command.isPresent()) {
            service.stoppedBy = new StopMeans.StopCommand();
            stack.change(service, ServiceState.STOPPING, new ServiceDetail.Stopping(service.stoppedBy, Optional.of(timeout)));
            int run = service.run;
            Probe probe = new ExecProbe(command.get(), service.plan.spec().cwd(), service.plan.environment(), timeout);
            commands.execute(() -> {
                Probe.Result result = probe.attempt();
                if (!result.passed()) {
                    engine.run(() -> stopCommandFailed(service, run, stop.signal(), result.finding()));
                }
            });
        } else {
            service.stoppedBy = new StopMeans.SignalSent(stop.signal());
            service.sentSignal = stop.signal();
            stack.change(service, ServiceState.STOPPING, new ServiceDetail.Stopping(service.stoppedBy, Optional.of(timeout)));
            signal(service, stop.signal());
        }
        descendants.watch(service);
        service.killTimer = engine.schedule(() -> escalate(service, timeout), timeout);
    }

    private void stopCommandFailed(ServiceRuntime service, int run, Signal signal, String finding) {
        if (service.run == run && service.state == ServiceState.STOPPING && service.sentSignal == null) {
            service.sentSignal = signal;
            stack.notice(service.name(), "stop_command failed (" + finding + "); " + signal + " sent");
            signal(service, signal);
        }
    }

    private void escalate(ServiceRuntime service, Duration waited) {
        if (service.state != ServiceState.STOPPING) {
            return;
        }
        ServiceDetail detail = new ServiceDetail.KillAfterTimeout(waited, service.stoppedBy);
        service.sentSignal = Signal.KILL;
        stack.explain(service, detail, DetailText.of(detail));
        signal(service, Signal.KILL);
        service.killTimer = engine.schedule(() -> giveUp(service), AFTER_KILL);
    }

    /** A process that left the group may still hold the output pipes; nothing more can be done for it. */
    private void giveUp(ServiceRuntime service) {
        if (service.state == ServiceState.STOPPING) {
            stack.change(service, ServiceState.STOPPED, new ServiceDetail.PipesHeldOpen());
            proceed();
            stack.checkFinished();
        }
    }

    /**
     * To its group and whatever else it started; an adopted process alone, since its group may hold
     * processes devstack knows nothing of.
     */
    private void signal(ServiceRuntime service, Signal signal) {
        if (service.adopted) {
            groups.signalProcess(service.pid, signal);
        } else {
            descendants.signal(service, signal);
        }
    }

    void killRemaining() {
        stack.killRequested = true;
        stack.notice("", "stopping again: killing what is left with SIGKILL");
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state.isAlive() && service.pid > 1 && !service.adopted) {
                kill(service);
            }
        }
    }

    void kill(ServiceRuntime service) {
        service.cancelTimers();
        service.sentSignal = Signal.KILL;
        if (service.stoppedBy == null) {
            service.stoppedBy = new StopMeans.SignalSent(Signal.KILL);
        }
        if (service.state != ServiceState.STOPPING) {
            stack.change(service, ServiceState.STOPPING, new ServiceDetail.Stopping(new StopMeans.SignalSent(Signal.KILL),
                    Optional.empty()));
            descendants.watch(service);
        }
        signal(service, Signal.KILL);
        service.killTimer = engine.schedule(() -> giveUp(service), AFTER_KILL);
    }
}
