package dev.devstack.app;

import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a running `up` publishes about itself in {@code .devstack/run.json}, so that commands in
 * other terminals see live states and pids, and where its HTTP API answers ({@code apiUrl}, empty
 * before the ports are claimed, without an API, or from an `up` older than the API). Valid while
 * the supervisor process lives.
 */
public record RunState(String project, String instance, long supervisorPid, long supervisorStart, StackPhase phase,
                       List<Service> services, Optional<String> apiUrl) {

    public RunState {
        services = List.copyOf(services);
    }

    /** What run.json says of the stack in {@code snapshot}: the same values, for commands that have the snapshot itself. */
    static RunState of(StackSnapshot snapshot, long supervisorPid, long supervisorStart, Optional<String> apiUrl) {
        return new RunState(snapshot.project(), snapshot.instance(), supervisorPid, supervisorStart, snapshot.phase(),
                snapshot.services().stream().map(service -> service(snapshot, service)).toList(), apiUrl);
    }

    private static Service service(StackSnapshot snapshot, ServiceSnapshot service) {
        OptionalLong listener = service.listener().stream()
                .filter(l -> service.pid().isEmpty() || l != service.pid().getAsLong()).findFirst();
        return new Service(service.name(), service.state().word(), service.pid(), listener,
                snapshot.ports().stream().filter(port -> port.service().equals(service.name()))
                        .map(port -> new Port(port.portName(), port.port(), port.reason().describe())).toList(),
                DetailText.of(service.detail()));
    }

    /** {@code listener}: the process listening on its port, when it is not {@code pid} itself (a child, a daemon). */
    public record Service(String name, String state, OptionalLong pid, OptionalLong listener, List<Port> ports,
                          String detail) {
        public Service {
            ports = List.copyOf(ports);
        }
    }

    /** {@code name} is empty for the primary port. */
    public record Port(String name, int port, String reason) {
    }
}
