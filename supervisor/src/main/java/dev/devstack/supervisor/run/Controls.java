package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StopCause;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a user asks of one service while the stack runs (from the dashboard): start, stop, restart
 * or kill it. Runs on the engine thread. A request that makes no sense in the service's state is
 * answered with a notice rather than ignored.
 */
final class Controls {

    private final StackState stack;
    private final Starts starts;
    private final Stops stops;

    Controls(StackState stack, Starts starts, Stops stops) {
        this.stack = stack;
        this.starts = starts;
        this.stops = stops;
    }

    void start(String name) {
        ServiceRuntime service = find(name);
        if (service == null) {
            return;
        }
        if (service.state.isTerminal() || service.state == ServiceState.BACKOFF) {
            startAgain(service, new ServiceDetail.AskedToStart());
        } else {
            stack.notice(name, "is " + service.state.word() + " already");
        }
    }

    void stop(String name) {
        ServiceRuntime service = find(name);
        if (service == null) {
            return;
        }
        switch (service.state) {
            case RUNNING, READY, UNHEALTHY -> stops.terminate(service);
            case STARTING -> service.stopWhenStarted = true;
            case PENDING, BACKOFF -> {
                service.cancelTimers();
                stack.plan.ports().release(service.name());
                stack.change(service, ServiceState.STOPPED, new ServiceDetail.NotStarted(StopCause.ASKED));
                starts.advance();
            }
            default -> stack.notice(name, "is " + service.state.word() + " already");
        }
    }

    void restart(String name) {
        ServiceRuntime service = find(name);
        if (service == null) {
            return;
        }
        switch (service.state) {
            case RUNNING, READY, UNHEALTHY -> {
                service.streak = 0;
                starts.restartNow(service, RestartReason.ASKED);
            }
            case BLOCKED, EXITED, CRASHED, FAILED, STOPPED, BACKOFF -> startAgain(service, new ServiceDetail.AskedToRestart());
            default -> stack.notice(name, "is " + service.state.word() + "; try again in a moment");
        }
    }

    void kill(String name) {
        ServiceRuntime service = find(name);
        if (service == null) {
            return;
        }
        if (service.state.isAlive() && service.pid > 1) {
            stops.kill(service);
        } else {
            stack.notice(name, "has no process to kill (it is " + service.state.word() + ")");
        }
    }

    /** Back to waiting, with a fresh restart streak; what it blocked waits again too. */
    private void startAgain(ServiceRuntime service, ServiceDetail why) {
        service.cancelTimers();
        service.streak = 0;
        service.ready = false;
        service.readyTimedOut = false;
        stack.change(service, ServiceState.PENDING, why);
        for (String dependent : blockedDependents(service.name())) {
            stack.change(stack.services.get(dependent), ServiceState.PENDING,
                    new ServiceDetail.WaitsAgain(service.name()));
        }
        starts.advance();
    }

    private Set<String> blockedDependents(String name) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(stack.graph.dependents(name));
        while (!next.isEmpty()) {
            String dependent = next.pop();
            if (stack.services.get(dependent).state == ServiceState.BLOCKED && found.add(dependent)) {
                next.addAll(stack.graph.dependents(dependent));
            }
        }
        return found;
    }

    private ServiceRuntime find(String name) {
        if (stack.stopRequested) {
            stack.notice(name, "the stack is stopping; nothing more is started or stopped");
            return null;
        }
        ServiceRuntime service = stack.services.get(name);
        if (service == null) {
            stack.notice("", "there is no service named " + name);
        }
        return service;
    }
}
