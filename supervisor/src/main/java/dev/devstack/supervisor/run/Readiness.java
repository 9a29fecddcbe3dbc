package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds out when a started service is ready, by its `ready:` check. A tcp, http or exec check is
 * attempted from 5 ms after the start, then every `interval` (by default doubling up to 100 ms,
 * 500 ms for exec), on the check pool. A log check waits for a matching line. The wait ends when
 * the check passes, the process ends (then it is not reported as a timeout: the service's own end
 * is the news), `retries` attempts failed (for http: answers that were not accepted; no answer yet
 * only means it is still starting), or `timeout` passed; then the service is marked not ready
 * and the reason is told. A result for an earlier run of a restarted service is ignored.
 */
final class Readiness {

    private static final long FIRST_ATTEMPT_MILLIS = 5;
    private static final Duration TCP_ATTEMPT = Duration.ofMillis(250);
    private static final Duration ATTEMPT = Duration.ofSeconds(5);

    private final StackState stack;
    private final Engine engine;
    private final ScheduledExecutorService checks;
    private final Health health;

    Readiness(StackState stack, Engine engine, ScheduledExecutorService checks, Health health) {
        this.stack = stack;
        this.engine = engine;
        this.checks = checks;
        this.health = health;
    }

    /** Starts watching the service's current run; {@code settled} runs on the engine once it is ready or given up. */
    void watch(ServiceRuntime service, Runnable settled) {
        if (service.plan.spec().ready().isEmpty()) {
            health.watch(service);
            return;
        }
        CheckSpec check = service.plan.spec().ready().get();
        int run = service.run;
        if (check.kind() == CheckSpec.Kind.LOG) {
            if (service.logMatched) {
                ready(service, new ReadinessFinding.LineMatched(check.target()), settled);
            } else {
                service.readyCheck = engine.schedule(() -> {
                    if (service.run == run && service.state == ServiceState.RUNNING) {
                        giveUp(service, new ReadinessFinding.NoLineMatched(check.timeout(), check.target()), settled);
                    }
                }, check.timeout());
            }
            return;
        }
        int port = service.readinessPort().orElse(0);
        Duration attemptTimeout = check.kind() == CheckSpec.Kind.TCP ? TCP_ATTEMPT
                : check.timeout().compareTo(ATTEMPT) < 0 ? check.timeout() : ATTEMPT;
        Probe probe = Probe.of(check, service.plan, port, attemptTimeout);
        attempt(new Attempts(service, run, check, probe, stack.clock.instant().plus(check.timeout()), settled),
                FIRST_ATTEMPT_MILLIS);
    }

    /** A line of a log-checked service matched: called on the engine. */
    void lineMatched(ServiceRuntime service, int run, Runnable settled) {
        if (service.run != run) {
            return;
        }
        if (service.state == ServiceState.STARTING) {
            service.logMatched = true;
        } else if (service.state == ServiceState.RUNNING) {
            ready(service, new ReadinessFinding.LineMatched(service.plan.spec().ready().orElseThrow().target()), settled);
        }
    }

    /** The state of one wait: what is checked, how often it failed, until when. */
    private static final class Attempts {
        final ServiceRuntime service;
        final int run;
        final CheckSpec check;
        final Probe probe;
        final Instant deadline;
        final Runnable settled;
        int failures;

        Attempts(ServiceRuntime service, int run, CheckSpec check, Probe probe, Instant deadline, Runnable settled) {
            this.service = service;
            this.run = run;
            this.check = check;
            this.probe = probe;
            this.deadline = deadline;
            this.settled = settled;
        }
    }

    private void attempt(Attempts attempts, long delayMillis) {
        attempts.service.readyCheck = checks.schedule(() -> {
            Probe.Result result = attempts.probe.attempt();
            engine.run(() -> result(attempts, result, delayMillis));
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void result(Attempts attempts, Probe.Result result, long delayMillis) {
        ServiceRuntime service = attempts.service;
        if (service.run != attempts.run || service.state != ServiceState.RUNNING) {
            return;
        }
        if (result.passed()) {
            ReadinessFinding what = attempts.check.kind() == CheckSpec.Kind.TCP
                    ? new ReadinessFinding.PortAccepts(service.readinessPort().orElse(0))
                    : new ReadinessFinding.CheckPassed(attempts.probe.describe(), result.finding());
            ready(service, what, attempts.settled);
            return;
        }
        if (result.counts()) {
            attempts.failures++;
        }
        Optional<String> last = attempts.check.kind() == CheckSpec.Kind.TCP ? Optional.empty()
                : Optional.of(result.finding());
        if (attempts.check.retries().isPresent() && attempts.failures >= attempts.check.retries().getAsInt()) {
            giveUp(service, new ReadinessFinding.ChecksFailed(attempts.failures, attempts.probe.describe(), last),
                    attempts.settled);
        } else if (stack.clock.instant().isAfter(attempts.deadline)) {
            giveUp(service, new ReadinessFinding.TimedOut(attempts.check.timeout(), attempts.probe.describe(), last),
                    attempts.settled);
        } else {
            long next = attempts.check.interval().map(Duration::toMillis)
                    .orElse(Math.min(attempts.check.kind() == CheckSpec.Kind.EXEC ? 500 : 100, delayMillis * 2));
            attempt(attempts, next);
        }
    }

    private void ready(ServiceRuntime service, ReadinessFinding what, Runnable settled) {
        service.ready = true;
        Duration after = Duration.between(service.startedAt, stack.clock.instant());
        stack.change(service, ServiceState.READY, new ServiceDetail.Ready(what, after));
        health.watch(service);
        settled.run();
    }

    private void giveUp(ServiceRuntime service, ReadinessFinding finding, Runnable settled) {
        service.readyTimedOut = true;
        stack.explain(service, new ServiceDetail.NotReady(finding), DetailText.of(finding)
                + "; services that wait for it will not start");
        settled.run();
    }
}
