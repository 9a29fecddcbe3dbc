package dev.devstack.supervisor.config;

import java.util.List;

/**
 * How a service wants one of its ports: not at all, any free port, or preferably one of a list
 * (in order; whether another port is acceptable is the service's {@code strict} flag).
 */
public record PortSpec(Mode mode, List<Integer> preferred) {

    public enum Mode { NONE, AUTO, PREFERRED }

    public PortSpec {
        preferred = List.copyOf(preferred);
    }

    public static PortSpec none() {
        return new PortSpec(Mode.NONE, List.of());
    }

    public static PortSpec auto() {
        return new PortSpec(Mode.AUTO, List.of());
    }

    public static PortSpec preferred(List<Integer> ports) {
        return new PortSpec(Mode.PREFERRED, ports);
    }

    /** The preferences of replica {@code replica}: each preferred port that many higher, as Foreman offsets instances. */
    public PortSpec forReplica(int replica) {
        if (mode != Mode.PREFERRED || replica == 0) {
            return this;
        }
        return preferred(preferred.stream().map(p -> p + replica).filter(p -> p <= 65535).toList());
    }

    public boolean wanted() {
        return mode != Mode.NONE;
    }
}
