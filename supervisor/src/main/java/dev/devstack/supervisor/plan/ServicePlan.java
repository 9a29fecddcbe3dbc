package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.ServiceSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One unit ready to launch (a service, or one replica of it: {@code name} is then
 * {@code api.1}, {@code replica} 1): its command (and stop command) with references filled in,
 * its whole environment, and the ports it listens on itself (what readiness is checked on; an
 * inherited port is not its own).
 */
public record ServicePlan(ServiceSpec spec, String name, int replica, String command, Optional<String> stopCommand,
                          Map<String, String> environment, List<Integer> ownPorts) {

    public ServicePlan {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        ownPorts = List.copyOf(ownPorts);
    }
}
