package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a service's `health:` check every `interval` once it is ready (or, without a readiness
 * check, once it runs). After `retries` failures in a row it is `UNHEALTHY`, and restarted if it
 * has `restart_on_unhealthy`; a check that passes again makes it `READY` again.
 */
final class Health {

    /** Restarts a service (SIGTERM to its group, then a new run). */
    interface Restarter {
        void restart(ServiceRuntime service, RestartReason reason);
    }

    private final StackState stack;
    private final Engine engine;
    private final ScheduledExecutorService checks;
    private final Restarter restarter;

    Health(StackState stack, Engine engine, ScheduledExecutorService checks, Restarter restarter) {
        this.stack = stack;
        this.engine = engine;
        this.checks = checks;
        this.restarter = restarter;
    }

    void watch(ServiceRuntime service) {
        service.plan.spec().health().ifPresent(check -> {
            Probe probe = Probe.of(check, service.plan, service.readinessPort().orElse(0), check.timeout());
            schedule(service, service.run, check, probe, 0);
        });
    }

    private void schedule(ServiceRuntime service, int run, CheckSpec check, Probe probe, int failures) {
        long interval = check.interval().orElse(CheckSpec.HEALTH_INTERVAL).toMillis();
        service.healthCheck = checks.schedule(() -> {
            Probe.Result result = probe.attempt();
            engine.run(() -> result(service, run, check, probe, failures, result));
        }, interval, TimeUnit.MILLISECONDS);
    }

    private void result(ServiceRuntime service, int run, CheckSpec check, Probe probe, int failures, Probe.Result result) {
        boolean watched = service.state == ServiceState.READY || service.state == ServiceState.UNHEALTHY
                || (service.state == ServiceState.RUNNING && service.plan.spec().ready().isEmpty());
        if (service.run != run || !watched) {
            return;
        }
        if (result.passed()) {
            if (service.state == ServiceState.UNHEALTHY) {
                stack.change(service, ServiceState.READY, new ServiceDetail.HealthyAgain(probe.describe(), result.finding()));
            }
            schedule(service, run, check, probe, 0);
            return;
        }
        int inARow = failures + 1;
        int allowed = check.retries().orElse(CheckSpec.HEALTH_RETRIES);
        if (inARow >= allowed && service.state != ServiceState.UNHEALTHY) {
            stack.change(service, ServiceState.UNHEALTHY, new ServiceDetail.Unhealthy(inARow, probe.describe(),
                    result.finding()));
            if (service.plan.spec().restartOnUnhealthy()) {
                restarter.restart(service, RestartReason.UNHEALTHY);
                return;
            }
        }
        schedule(service, run, check, probe, inARow);
    }
}
