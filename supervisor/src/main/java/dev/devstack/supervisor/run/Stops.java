package dev.devstack.supervisor.run;

import java.time.Duration;

/**
 * Stopping a stack: services that have not started will not; a running service gets SIGTERM on
 * its whole group once everything that depends on it has ended (so independent services stop
 * together), and SIGKILL after its stop timeout. Asked again, everything left gets SIGKILL.
 */
final class Stops {

    /** How long a SIGKILLed group may take to report its exit before devstack stops waiting. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);

    private final StackState stack;
    private final Engine engine;
    private final ProcessGroups groups;

    Stops(StackState stack, Engine engine, ProcessGroups groups) {
        this.stack = stack;
        this.engine = engine;
        this.groups = groups;
    }

    void begin() {
        stack.stopRequested = true;
        stack.notice("", "stopping the stack");
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state == ServiceState.PENDING) {
                stack.plan.ports().release(service.name());
                stack.change(service, ServiceState.STOPPED, "not started: the stack is stopping");
            } else if (service.state == ServiceState.BACKOFF) {
                service.cancelTimers();
                stack.change(service, ServiceState.STOPPED, "not restarted: the stack is stopping");
            }
        }
        proceed();
        stack.checkFinished();
    }

    /** Signals every running service whose dependents have all ended; called again as each one ends. */
    void proceed() {
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state == ServiceState.RUNNING || service.state == ServiceState.READY
                    || service.state == ServiceState.UNHEALTHY) {
                boolean dependentsDone = stack.graph.dependents(service.name()).stream()
                        .allMatch(name -> stack.services.get(name).state.isTerminal());
                if (dependentsDone) {
                    terminate(service);
                }
            }
        }
    }

    /** SIGTERM now, SIGKILL after the service's stop timeout. */
    void terminate(ServiceRuntime service) {
        Duration timeout = service.plan.spec().stopTimeout();
        service.cancelTimers();
        service.sentSignal = Signal.TERM;
        stack.change(service, ServiceState.STOPPING, "SIGTERM sent, SIGKILL in " + StackState.seconds(timeout));
        groups.signal(service.pid, Signal.TERM);
        service.killTimer = engine.schedule(() -> escalate(service, timeout), timeout);
    }

    private void escalate(ServiceRuntime service, Duration waited) {
        if (service.state != ServiceState.STOPPING) {
            return;
        }
        service.sentSignal = Signal.KILL;
        stack.explain(service, "did not stop within " + StackState.seconds(waited) + " of SIGTERM; SIGKILL sent",
                "did not stop within " + StackState.seconds(waited) + " of SIGTERM; SIGKILL sent");
        groups.signal(service.pid, Signal.KILL);
        service.killTimer = engine.schedule(() -> giveUp(service), AFTER_KILL);
    }

    /** A process that left the group may still hold the output pipes; nothing more can be done for it. */
    private void giveUp(ServiceRuntime service) {
        if (service.state == ServiceState.STOPPING) {
            stack.change(service, ServiceState.STOPPED, "killed, but its output pipes are still open (a process that"
                    + " left its group holds them)");
            proceed();
            stack.checkFinished();
        }
    }

    void killRemaining() {
        stack.killRequested = true;
        stack.notice("", "stopping again: killing what is left with SIGKILL");
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state.isAlive() && service.pid > 1) {
                kill(service);
            }
        }
    }

    void kill(ServiceRuntime service) {
        service.cancelTimers();
        service.sentSignal = Signal.KILL;
        if (service.state != ServiceState.STOPPING) {
            stack.change(service, ServiceState.STOPPING, "SIGKILL sent");
        }
        groups.signal(service.pid, Signal.KILL);
        service.killTimer = engine.schedule(() -> giveUp(service), AFTER_KILL);
    }
}
