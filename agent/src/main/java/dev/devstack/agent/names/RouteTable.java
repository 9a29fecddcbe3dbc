package dev.devstack.agent.names;

import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every name of the user's running stacks, and where each leads now: rebuilt from the stacks'
 * snapshots whenever one changes ({@link #update}), read without locks by the proxy for every
 * request. A stack that came first keeps a name two stacks would share; the other's service is
 * still reachable by its port.
 */
public final class RouteTable implements Routes {

    /** The agent's own site: its name, and the loopback names a browser may use for it. */
    private static final Set<String> LOCAL = Set.of(HostNames.AGENT, HostNames.SUFFIX, "127.0.0.1", "::1", "[::1]");
    private static final String DOT_SUFFIX = "." + HostNames.SUFFIX;

    private volatile Map<String, Name> names = Map.of();

    /** One name: the units it leads to (a service's replicas), in their stack. */
    private record Name(String host, String service, NamedStack stack, List<String> units, AtomicInteger turn) {
    }

    public void update(Collection<? extends NamedStack> stacks) {
        Map<String, Name> built = new LinkedHashMap<>();
        for (NamedStack stack : stacks.stream().sorted(Comparator.comparingLong(NamedStack::pid)).toList()) {
            StackSnapshot snapshot = stack.snapshot();
            Map<String, List<String>> units = new LinkedHashMap<>();
            for (ServiceSnapshot unit : snapshot.services()) {
                if (!unit.ports().isEmpty()) {
                    units.computeIfAbsent(HostNames.serviceOf(unit.name()), service -> new ArrayList<>()).add(unit.name());
                }
            }
            units.forEach((service, of) -> built.putIfAbsent(
                    HostNames.service(service, snapshot.instance(), snapshot.project()),
                    new Name(HostNames.service(service, snapshot.instance(), snapshot.project()), service, stack, of,
                            new AtomicInteger())));
            snapshot.frontDoor().filter(units::containsKey).ifPresent(service -> built.putIfAbsent(
                    HostNames.stack(snapshot.instance(), snapshot.project()),
                    new Name(HostNames.stack(snapshot.instance(), snapshot.project()), service, stack,
                            units.get(service), new AtomicInteger())));
        }
        names = Map.copyOf(built);
    }

    @Override
    public Route route(String host) {
        if (LOCAL.contains(host)) {
            return new Route.Local();
        }
        if (!host.endsWith(DOT_SUFFIX)) {
            return new Route.Refused(host);
        }
        Name name = names.get(host);
        if (name == null) {
            return new Route.Unknown(host, known());
        }
        StackSnapshot snapshot = name.stack().snapshot();
        List<ServiceSnapshot> units = name.units().stream().flatMap(unit -> snapshot.service(unit).stream()).toList();
        List<ServiceSnapshot> serving = units.stream().filter(RouteTable::serving).toList();
        if (!serving.isEmpty()) {
            ServiceSnapshot unit = serving.get(Math.floorMod(name.turn().getAndIncrement(), serving.size()));
            return new Route.Forward(name.service(), snapshot.project(), unit.ports().get(0));
        }
        String unit = units.isEmpty() ? name.service() : units.get(0).name();
        return new Route.Waiting(name.service(), snapshot.project(), units.isEmpty() ? "gone"
                : units.get(0).state().word(), name.stack().lastLines(unit));
    }

    /** Every name with where it leads, for the pages that list them. */
    public List<Route.Known> known() {
        return names.values().stream().map(name -> {
            StackSnapshot snapshot = name.stack().snapshot();
            String phase = name.units().stream().flatMap(unit -> snapshot.service(unit).stream()).findFirst()
                    .map(unit -> unit.state().word()).orElse("gone");
            return new Route.Known(name.host(), name.service(), snapshot.project(), phase);
        }).sorted(Comparator.comparing(Route.Known::host)).toList();
    }

    /** Its port takes requests: ready, or ready once and failing its health check (the page would not help). */
    private static boolean serving(ServiceSnapshot unit) {
        return !unit.ports().isEmpty() && (unit.state() == ServiceState.READY || unit.state() == ServiceState.UNHEALTHY);
    }
}
