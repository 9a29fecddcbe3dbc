package dev.devstack.agent.proxy;

import dev.devstack.agent.names.Route;
import dev.devstack.agent.names.Routes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A route table that the test fills: a name it was not given is Unknown under .localhost, else Refused. */
final class StubRoutes implements Routes {

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Route.Known> known;

    StubRoutes(List<Route.Known> known) {
        this.known = List.copyOf(known);
    }

    StubRoutes put(String host, Route route) {
        routes.put(host, route);
        return this;
    }

    @Override
    public Route route(String host) {
        Route route = routes.get(host);
        if (route != null) {
            return route;
        }
        return host.endsWith(".localhost") ? new Route.Unknown(host, known) : new Route.Refused(host);
    }
}
