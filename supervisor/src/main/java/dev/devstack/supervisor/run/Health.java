package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.model.CheckStatus;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a service's `health:` check every `interval` once it is ready (or, without a readiness
 * check, once it runs), on the check pool, and tells its {@link Lifecycle} each result, which
 * decides whether it is unhealthy, ready again, restarted, and whether to check again.
 */
final class Health {

    private final Engine engine;
    private final ScheduledExecutorService checks;
    private final EffectExecutor lifecycles;
    private final Clock clock;

    Health(Engine engine, ScheduledExecutorService checks, EffectExecutor lifecycles, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.checks = checks;
        this.lifecycles = lifecycles;
    }

    /** Checks the service's current run once more, after an interval; {@code inARow} failures so far. */
    void watch(ServiceRuntime service, int inARow) {
        CheckSpec check = service.plan.spec().health().orElseThrow();
        if (service.healthProbe == null) {
            service.healthProbe = Probe.of(check, service.plan, service.readinessPort().orElse(0), check.timeout());
        }
        Probe probe = service.healthProbe;
        int run = service.run;
        long interval = check.interval().orElse(CheckSpec.HEALTH_INTERVAL).toMillis();
        service.healthCheck = checks.schedule(() -> {
            Probe.Result result = probe.attempt();
            engine.run(() -> {
                if (service.run == run) {
                    service.lastHealth = new CheckStatus.Attempt(clock.instant(), result.passed(), result.finding());
                    lifecycles.apply(service, new Input.HealthChecked(result.passed(),
                            result.passed() ? 0 : inARow + 1, probe.describe(), result.finding()));
                }
            });
        }, interval, TimeUnit.MILLISECONDS);
    }
}
