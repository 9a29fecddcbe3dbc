package dev.devstack.app;

import dev.devstack.store.PortPool;
import dev.devstack.supervisor.config.PortRange;
import dev.devstack.supervisor.config.PortSpec;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's configuration inside the pool a team registry gives its project: automatic ports come
 * from the pool, as from `range:`, and a preferred port outside it is passed over as if it were
 * taken, so the service gets one in the pool. A service that insists on its port (`strict`,
 * `on_conflict: fail`) keeps asking for it, and the registry refuses it with the pool.
 */
final class PooledConfig {

    private PooledConfig() {
    }

    static StackConfig of(StackConfig config, PortPool pool) {
        List<ServiceSpec> services = config.services().stream().map(service -> service.onConflict().insists() ? service
                : service.withPorts(inPool(service.port(), pool), inPool(service.namedPorts(), pool))).toList();
        return config.withServices(services).withRange(new PortRange(pool.first(), pool.last()));
    }

    private static Map<String, PortSpec> inPool(Map<String, PortSpec> specs, PortPool pool) {
        Map<String, PortSpec> kept = new LinkedHashMap<>();
        specs.forEach((name, spec) -> kept.put(name, inPool(spec, pool)));
        return kept;
    }

    private static PortSpec inPool(PortSpec spec, PortPool pool) {
        if (spec.mode() != PortSpec.Mode.PREFERRED) {
            return spec;
        }
        List<Integer> inside = spec.preferred().stream().filter(pool::contains).toList();
        return inside.isEmpty() ? PortSpec.auto() : PortSpec.preferred(inside);
    }
}
