package dev.devstack.app.http;

import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last readiness and health result of each service, taken from its state changes as they
 * happen: a snapshot holds only the latest detail, which a restart or a stop replaces, and
 * {@code /api/health?detailed=true} tells both.
 */
final class CheckResults implements StackListener {

    private final Map<String, ServiceDetail> readiness = new ConcurrentHashMap<>();
    private final Map<String, ServiceDetail> health = new ConcurrentHashMap<>();

    @Override
    public void on(StackEvent event) {
        if (event instanceof StackEvent.StateChanged changed) {
            ServiceDetail detail = changed.detail();
            if (detail instanceof ServiceDetail.Ready || detail instanceof ServiceDetail.NotReady) {
                readiness.put(changed.service(), detail);
            } else if (detail instanceof ServiceDetail.Unhealthy || detail instanceof ServiceDetail.HealthyAgain) {
                health.put(changed.service(), detail);
            }
        }
    }

    Optional<ServiceDetail> readiness(String service) {
        return Optional.ofNullable(readiness.get(service));
    }

    Optional<ServiceDetail> health(String service) {
        return Optional.ofNullable(health.get(service));
    }
}
