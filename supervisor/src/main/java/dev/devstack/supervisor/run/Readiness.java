package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds out when a started service is ready, by its `ready:` check. A tcp, http or exec check is
 * attempted from 5 ms after the start, then every `interval` (by default doubling up to 100 ms,
 * 500 ms for exec), on the check pool. A log check waits for a matching line (the line is found by
 * whoever reads the output; this class only gives up after `timeout`). The wait ends when the
 * check passes, the service is no longer running (its own end is the news then), `retries` attempts
 * failed (for http: answers that were not accepted; no answer yet only means it is still starting),
 * or `timeout` passed. What it found goes to the service's {@link Lifecycle}; a result for an
 * earlier run of a restarted service is ignored.
 */
final class Readiness {

    private static final long FIRST_ATTEMPT_MILLIS = 5;
    private static final Duration TCP_ATTEMPT = Duration.ofMillis(250);
    private static final Duration ATTEMPT = Duration.ofSeconds(5);

    private final StackState stack;
    private final Engine engine;
    private final ScheduledExecutorService checks;
    private final EffectExecutor lifecycles;

    Readiness(StackState stack, Engine engine, ScheduledExecutorService checks, EffectExecutor lifecycles) {
        this.stack = stack;
        this.engine = engine;
        this.checks = checks;
        this.lifecycles = lifecycles;
    }

    /** Starts waiting for the service's current run to pass its `ready:` check. */
    void watch(ServiceRuntime service) {
        CheckSpec check = service.plan.spec().ready().orElseThrow();
        int run = service.run;
        if (check.kind() == CheckSpec.Kind.LOG) {
            service.readyCheck = engine.schedule(() -> found(service, run,
                    new ReadinessFinding.NoLineMatched(check.timeout(), check.target())), check.timeout());
            return;
        }
        int port = service.readinessPort().orElse(0);
        Duration attemptTimeout = check.kind() == CheckSpec.Kind.TCP ? TCP_ATTEMPT
                : check.timeout().compareTo(ATTEMPT) < 0 ? check.timeout() : ATTEMPT;
        Probe probe = Probe.of(check, service.plan, port, attemptTimeout);
        attempt(new Attempts(service, run, check, probe, stack.clock.instant().plus(check.timeout())),
                FIRST_ATTEMPT_MILLIS);
    }

    private void found(ServiceRuntime service, int run, ReadinessFinding finding) {
        if (service.run == run) {
            lifecycles.apply(service, new Input.ReadinessFound(finding));
        }
    }

    /** The state of one wait: what is checked, how often it failed, until when. */
    private static final class Attempts {
        final ServiceRuntime service;
        final int run;
        final CheckSpec check;
        final Probe probe;
        final Instant deadline;
        int failures;

        Attempts(ServiceRuntime service, int run, CheckSpec check, Probe probe, Instant deadline) {
            this.service = service;
            this.run = run;
            this.check = check;
            this.probe = probe;
            this.deadline = deadline;
        }
    }

    private void attempt(Attempts attempts, long delayMillis) {
        attempts.service.readyCheck = checks.schedule(() -> {
            Probe.Result result = attempts.probe.attempt();
            engine.run(() -> result(attempts, result, delayMillis));
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** One attempt's result; the wait goes on only while the run it was for is running and not ready. */
    private void result(Attempts attempts, Probe.Result result, long delayMillis) {
        ServiceRuntime service = attempts.service;
        if (service.run != attempts.run || service.state() != ServiceState.RUNNING) {
            return;
        }
        service.lastReadiness = new CheckStatus.Attempt(stack.clock.instant(), result.passed(), result.finding());
        if (result.passed()) {
            found(service, attempts.run, attempts.check.kind() == CheckSpec.Kind.TCP
                    ? new ReadinessFinding.PortAccepts(service.readinessPort().orElse(0))
                    : new ReadinessFinding.CheckPassed(attempts.probe.describe(), result.finding()));
            return;
        }
        if (result.counts()) {
            attempts.failures++;
        }
        Optional<String> last = attempts.check.kind() == CheckSpec.Kind.TCP ? Optional.empty()
                : Optional.of(result.finding());
        if (attempts.check.retries().isPresent() && attempts.failures >= attempts.check.retries().getAsInt()) {
            found(service, attempts.run, new ReadinessFinding.ChecksFailed(attempts.failures, attempts.probe.describe(),
                    last));
        } else if (stack.clock.instant().isAfter(attempts.deadline)) {
            found(service, attempts.run, new ReadinessFinding.TimedOut(attempts.check.timeout(),
                    attempts.probe.describe(), last));
        } else {
            long next = attempts.check.interval().map(Duration::toMillis)
                    .orElse(Math.min(attempts.check.kind() == CheckSpec.Kind.EXEC ? 500 : 100, delayMillis * 2));
            attempt(attempts, next);
        }
    }
}
