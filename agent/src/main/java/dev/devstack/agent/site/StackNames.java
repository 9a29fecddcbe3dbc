package dev.devstack.agent.site;

import dev.devstack.agent.names.FollowedStack;
import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * One running stack as the agent's pages and its status show it: each unit with its state, ports
 * and name, and the stack's own web page. Made from the stack's snapshot at the moment asked.
 */
public record StackNames(String project, String instance, String phase, long pid, Optional<String> webUrl,
                         Optional<String> frontDoorUrl, List<Unit> units) {

    public StackNames {
        units = List.copyOf(units);
    }

    /** One unit (a service, or one replica of it): its name's URL when it has a port. */
    public record Unit(String name, String state, List<Integer> ports, Optional<String> url) {

        public Unit {
            ports = List.copyOf(ports);
        }
    }

    public static StackNames of(FollowedStack stack, int agentPort) {
        StackSnapshot snapshot = stack.snapshot();
        List<Unit> units = snapshot.services().stream().map(unit -> unit(unit, snapshot, agentPort)).toList();
        Optional<String> frontDoor = snapshot.frontDoor().map(service ->
                HostNames.url(HostNames.stack(snapshot.instance(), snapshot.project()), agentPort));
        return new StackNames(snapshot.project(), snapshot.instance(), snapshot.phase().word(), stack.pid(),
                stack.apiUrl().map(url -> url + "/"), frontDoor, units);
    }

    private static Unit unit(ServiceSnapshot unit, StackSnapshot snapshot, int agentPort) {
        Optional<String> url = unit.ports().isEmpty() ? Optional.empty() : Optional.of(HostNames.url(
                HostNames.service(HostNames.serviceOf(unit.name()), snapshot.instance(), snapshot.project()), agentPort));
        return new Unit(unit.name(), unit.state().word(), unit.ports(), url);
    }
}
