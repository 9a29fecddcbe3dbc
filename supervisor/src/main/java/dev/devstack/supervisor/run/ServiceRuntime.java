package dev.devstack.supervisor.run;

import dev.devstack.supervisor.plan.ServicePlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;

/** The mutable state of one service; touched only on the supervisor's engine thread (pid also read by its shutdown hook). */
final class ServiceRuntime {

    final ServicePlan plan;
    final List<Integer> ports;
    ServiceState state = ServiceState.PENDING;
    String detail = "";
    volatile long pid;
    Instant startedAt;
    Integer exitCode;
    Signal sentSignal;
    Instant signalledAt;
    boolean started;
    boolean ready;
    boolean readyTimedOut;
    ScheduledFuture<?> killTimer;
    ScheduledFuture<?> readyCheck;

    ServiceRuntime(ServicePlan plan, List<Integer> ports) {
        this.plan = plan;
        this.ports = List.copyOf(ports);
    }

    String name() {
        return plan.name();
    }

    /** The port readiness is checked on: its own primary port, else its first named one. */
    Optional<Integer> readinessPort() {
        return plan.ownPorts().stream().findFirst();
    }

    void cancelTimers() {
        if (killTimer != null) {
            killTimer.cancel(false);
            killTimer = null;
        }
        if (readyCheck != null) {
            readyCheck.cancel(false);
            readyCheck = null;
        }
    }

    ServiceSnapshot snapshot() {
        return new ServiceSnapshot(name(), state, pid > 0 && state.isAlive() ? OptionalLong.of(pid) : OptionalLong.empty(),
                ports, Optional.ofNullable(startedAt),
                exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode), detail);
    }
}
