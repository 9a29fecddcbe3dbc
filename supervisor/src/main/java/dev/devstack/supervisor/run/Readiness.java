package dev.devstack.supervisor.run;

import dev.devstack.detect.ConnectProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds out when a started service is ready: its port accepts TCP connections. Checks run on a
 * pool of their own (a connect may take a moment) from 5 ms after the start, doubling up to
 * 100 ms between checks, until the service is ready, has ended, or the timeout has passed.
 * A result that arrives for an earlier run of a restarted service is ignored.
 */
final class Readiness implements AutoCloseable {

    private static final long FIRST_CHECK_MILLIS = 5;
    private static final long MAX_CHECK_MILLIS = 100;

    private final StackState stack;
    private final Engine engine;
    private final ConnectProbe connect;
    private final Duration timeout;
    private final ScheduledExecutorService checks = Executors.newScheduledThreadPool(2, Engine.daemon("devstack-ready"));

    Readiness(StackState stack, Engine engine, ConnectProbe connect, Duration timeout) {
        this.stack = stack;
        this.engine = engine;
        this.connect = connect;
        this.timeout = timeout;
    }

    /** Starts watching the service's current run; {@code settled} runs on the engine when it is ready or gave up. */
    void watch(ServiceRuntime service, Runnable settled) {
        int run = service.run;
        Instant deadline = stack.clock.instant().plus(timeout);
        service.readinessPort().ifPresent(port -> check(service, run, port, FIRST_CHECK_MILLIS, deadline, settled));
    }

    private void check(ServiceRuntime service, int run, int port, long delayMillis, Instant deadline, Runnable settled) {
        service.readyCheck = checks.schedule(() -> {
            boolean accepts = connect.accepts(port);
            engine.run(() -> result(service, run, port, accepts, delayMillis, deadline, settled));
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void result(ServiceRuntime service, int run, int port, boolean accepts, long delayMillis, Instant deadline,
                        Runnable settled) {
        if (service.run != run || service.state != ServiceState.RUNNING) {
            return;
        }
        if (accepts) {
            service.ready = true;
            Duration after = Duration.between(service.startedAt, stack.clock.instant());
            stack.change(service, ServiceState.READY, "port " + port + " accepts connections after "
                    + StackState.seconds(after));
            settled.run();
        } else if (stack.clock.instant().isAfter(deadline)) {
            service.readyTimedOut = true;
            String detail = "not ready after " + timeout.toSeconds() + "s (tcp on " + port + ")";
            stack.explain(service, detail, detail + "; services that wait for it will not start");
            settled.run();
        } else {
            check(service, run, port, Math.min(MAX_CHECK_MILLIS, delayMillis * 2), deadline, settled);
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
