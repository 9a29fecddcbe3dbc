package dev.devstack.app;

import dev.devstack.supervisor.config.PortSpec;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * `devstack ports`: the live state published by a running `up` when its supervisor is alive;
 * otherwise every service as stopped with the port it had last time (or its configured one),
 * or as orphaned when it still runs although its devstack died.
 */
public final class ProjectPorts {

    /** The state of a service whose devstack died without stopping it. */
    static final String ORPHANED = "orphaned";

    private ProjectPorts() {
    }

    public static PortsReport read(ProjectContext context, Consumer<String> warnings) {
        StackConfig config = context.loader().load(context.projectDir());
        Machine machine = new Machine(context, warnings);
        Optional<RunState> live = new RunStateFile(context.stateDir()).read()
                .filter(state -> state.instance().equals(context.instance()))
                .filter(state -> machine.processes.isAlive(state.supervisorPid(), state.supervisorStart()));
        Urls urls = Urls.of(context, config);
        if (live.isPresent()) {
            return fromRunState(context, config, live.get(), urls);
        }
        ProjectLeases.Snapshot registry = machine.leases.snapshot();
        Map<String, Leftovers.Survivor> survivors = new LinkedHashMap<>();
        new Leftovers(machine.leases, machine.processes).find().forEach(s -> survivors.put(s.record().service(), s));
        List<ServicePorts> services = new ArrayList<>();
        for (ServiceSpec service : config.services()) {
            List<String> units = service.units();
            for (int replica = 0; replica < units.size(); replica++) {
                String unit = units.get(replica);
                int offset = replica;
                Optional<ServiceSpec> source = config.service(service.inheritPort().orElse(service.name()));
                String sourceUnit = service.inheritPort().isPresent() ? source.orElseThrow().units().get(0) : unit;
                OptionalInt port = source.filter(s -> s.port().wanted())
                        .flatMap(s -> registry.port(machine.leases.owner(sourceUnit, ""))
                                .or(() -> configured(s.port().forReplica(offset))))
                        .map(OptionalInt::of).orElse(OptionalInt.empty());
                Map<String, Integer> named = new LinkedHashMap<>();
                service.namedPorts().forEach((name, spec) -> registry.port(machine.leases.owner(unit, name))
                        .or(() -> configured(spec.forReplica(offset))).ifPresent(p -> named.put(name, p)));
                Leftovers.Survivor survivor = survivors.get(unit);
                services.add(new ServicePorts(unit, service.name(), replica,
                        survivor == null ? ServiceState.STOPPED.word() : ORPHANED,
                        survivor == null ? OptionalLong.empty() : OptionalLong.of(survivor.processes().get(0).pid()),
                        OptionalLong.empty(), port, named, url(urls, service, port)));
            }
        }
        return new PortsReport(config.project(), context.projectDir(), context.instance(),
                survivors.isEmpty() ? ProjectState.STOPPED : ProjectState.ORPHANED, OptionalLong.empty(), services);
    }

    /**
     * The same report, from a snapshot the stack sent (over its socket) instead of run.json, which
     * follows it by up to 50 ms: for a command that has just seen the stack ready.
     */
    public static PortsReport live(ProjectContext context, StackSnapshot snapshot, long supervisorPid) {
        StackConfig config = context.loader().load(context.projectDir());
        return fromRunState(context, config, RunState.of(snapshot, supervisorPid, 0, Optional.empty()),
                Urls.of(context, config));
    }

    private static PortsReport fromRunState(ProjectContext context, StackConfig config, RunState state, Urls urls) {
        List<ServicePorts> services = new ArrayList<>();
        for (ServiceSpec service : config.services()) {
            List<String> units = unitsIn(state, service);
            for (int replica = 0; replica < units.size(); replica++) {
                String unit = units.get(replica);
                Optional<RunState.Service> running = state.services().stream()
                        .filter(s -> s.name().equals(unit)).findFirst();
                if (running.isEmpty()) {
                    services.add(new ServicePorts(unit, service.name(), replica, "not in this run", OptionalLong.empty(),
                            OptionalLong.empty(), OptionalInt.empty(), Map.of(), Optional.empty()));
                    continue;
                }
                OptionalInt port = running.get().ports().stream().filter(p -> p.name().isEmpty())
                        .mapToInt(RunState.Port::port).findFirst();
                Map<String, Integer> named = new LinkedHashMap<>();
                running.get().ports().stream().filter(p -> !p.name().isEmpty())
                        .forEach(p -> named.put(p.name(), p.port()));
                services.add(new ServicePorts(unit, service.name(), replica, running.get().state(), running.get().pid(),
                        running.get().listener(), port, named, url(urls, service, port)));
            }
        }
        return new PortsReport(config.project(), context.projectDir(), context.instance(),
                ProjectState.of(state.phase()), OptionalLong.of(state.supervisorPid()), services);
    }

    /**
     * The units of a service in the run: as many as it runs now, which a scale (`devstack scale`,
     * the dashboard's `+`) may have made other than the file says; the file's when it runs none.
     */
    private static List<String> unitsIn(RunState state, ServiceSpec service) {
        List<String> running = state.services().stream().map(RunState.Service::name)
                .filter(name -> HostNames.serviceOf(name).equals(service.name())).toList();
        return running.isEmpty() ? service.units() : running;
    }

    private static Optional<Integer> configured(PortSpec spec) {
        return spec.preferred().stream().findFirst();
    }

    /** The URL a service was given: its port's, or with `urls: names` its name's through the agent. */
    private static Optional<String> url(Urls urls, ServiceSpec service, OptionalInt port) {
        if (port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(urls.agentPort().isPresent() ? HostNames.url(HostNames.service(service.name(), urls.instance(),
                urls.project()), urls.agentPort().getAsInt()) : EnvironmentBuilder.url(port.getAsInt()));
    }

    /** What a service's URL is made of: the agent's port when the stack's URLs are names. */
    private record Urls(String project, String instance, OptionalInt agentPort) {

        static Urls of(ProjectContext context, StackConfig config) {
            return new Urls(config.project(), context.instance(), NamedUrls.agentPort(context, config));
        }
    }
}
