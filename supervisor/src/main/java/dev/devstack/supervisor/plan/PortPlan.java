package dev.devstack.supervisor.plan;

import dev.devstack.detect.PortReservation;
import dev.devstack.supervisor.model.PortAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ports of a stack (its services' and its API's) and, until each service starts, the sockets that keep them bound.
 * {@link #release(String)} lets go of a service's ports just before it is launched.
 */
public final class PortPlan implements AutoCloseable {

    private final List<PortAssignment> assignments;
    private final Optional<PortAssignment> api;
    private final Map<String, List<PortReservation>> holds;

    PortPlan(List<PortAssignment> assignments, Optional<PortAssignment> api, Map<String, List<PortReservation>> holds) {
        this.assignments = List.copyOf(assignments);
        this.api = api;
        this.holds = new HashMap<>(holds);
    }

    /** The services' ports. */
    public List<PortAssignment> assignments() {
        return assignments;
    }

    /**
     * The port of the stack's own HTTP API (its service is {@link PortPlanner#API_UNIT}, held until
     * {@code release(API_UNIT)}); empty when none was free.
     */
    public Optional<PortAssignment> api() {
        return api;
    }

    public List<PortAssignment> of(String service) {
        return assignments.stream().filter(a -> a.service().equals(service)).toList();
    }

    public OptionalInt primary(String service) {
        return of(service).stream().filter(PortAssignment::primary).mapToInt(PortAssignment::port).findFirst();
    }

    public Optional<Integer> named(String service, String portName) {
        return of(service).stream().filter(a -> a.portName().equals(portName)).map(PortAssignment::port).findFirst();
    }

    /** Closes the holds on the service's ports so that it can bind them. */
    public synchronized void release(String service) {
        List<PortReservation> held = holds.remove(service);
        if (held != null) {
            held.forEach(PortReservation::close);
        }
    }

    /**
     * Takes over the holds of the plan it replaces (a running stack read its configuration again)
     * for units whose ports are the same in both: they have not started yet. Closes the rest of them.
     */
    public void takeHolds(PortPlan earlier) {
        Map<String, List<PortReservation>> handed;
        synchronized (earlier) {
            handed = new HashMap<>(earlier.holds);
            earlier.holds.clear();
        }
        synchronized (this) {
            handed.forEach((service, held) -> {
                boolean same = ports(of(service)).equals(ports(earlier.of(service)));
                if (same && !holds.containsKey(service)) {
                    holds.put(service, held);
                } else {
                    held.forEach(PortReservation::close);
                }
            });
        }
    }

    private static List<Integer> ports(List<PortAssignment> assignments) {
        return assignments.stream().map(PortAssignment::port).sorted().toList();
    }

    @Override
    public synchronized void close() {
        new ArrayList<>(holds.keySet()).forEach(this::release);
    }
}
