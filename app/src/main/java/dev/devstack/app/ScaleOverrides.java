package dev.devstack.app;

import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The replicas a user asked of a running stack's services (`scale`), which replace the configured
 * {@code scale} at every later reload, for the rest of the stack's life; until the configuration's
 * own {@code scale} of that service changes: then the file, edited later, has the last word.
 * Used on one thread at a time.
 */
final class ScaleOverrides {

    /** {@code configured}: the file's scale when the user asked. */
    private record Asked(int configured, int replicas) {
    }

    private final Map<String, Asked> asked = new HashMap<>();

    /** From now on, {@code service} (configured with {@code configured} replicas) runs {@code replicas}. */
    void put(String service, int configured, int replicas) {
        asked.put(service, new Asked(configured, replicas));
    }

    /** The configuration with each override that still holds; those whose configured scale has changed are dropped. */
    StackConfig apply(StackConfig config) {
        asked.entrySet().removeIf(entry -> config.service(entry.getKey())
                .map(service -> service.scale() != entry.getValue().configured()).orElse(true));
        return config.withServices(config.services().stream().map(this::scaled).toList());
    }

    private ServiceSpec scaled(ServiceSpec service) {
        Asked override = asked.get(service.name());
        return override == null ? service : service.withScale(override.replicas());
    }
}
