package dev.devstack.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One line of `devstack ports`: a unit ({@code name}: the service, or a replica such as
 * {@code api.1} of {@code service} api), its state and pid when running, the process listening on
 * its port when that is another one (a child of it, or its daemon), and its ports.
 */
public record ServicePorts(String name, String service, int replica, String state, OptionalLong pid,
                           OptionalLong listener, OptionalInt port, Map<String, Integer> namedPorts,
                           Optional<String> url) {

    public ServicePorts {
        namedPorts = Collections.unmodifiableMap(new LinkedHashMap<>(namedPorts));
    }
}
