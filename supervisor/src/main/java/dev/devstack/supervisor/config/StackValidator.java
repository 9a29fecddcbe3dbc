package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole stack: dependencies and their cycles, inherited ports, strict
 * ports pinned twice, variable names that collide, and every {@code ${...}} reference.
 */
final class StackValidator {

    private static final List<String> SERVICE_ATTRIBUTES = List.of("port", "url", "host", "ports.NAME");

    private final Problems problems;

    StackValidator(Problems problems) {
        this.problems = problems;
    }

    /** Fixes the condition of dependencies written as a list: `ready` when the dependency has a port. */
    List<ServiceSpec> resolveDependencies(List<ServiceReader.Draft> drafts) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        drafts.forEach(d -> byName.put(d.spec().name(), d.spec()));
        List<ServiceSpec> resolved = new ArrayList<>();
        for (ServiceReader.Draft draft : drafts) {
            ServiceSpec spec = draft.spec();
            Map<String, Dependency> dependencies = new LinkedHashMap<>();
            for (ServiceReader.DependencyDraft dependency : draft.dependencies()) {
                ServiceSpec target = byName.get(dependency.service());
                if (target == null) {
                    problems.add(dependency.location(), "service `" + spec.name() + "` depends on `" + dependency.service()
                            + "`, which is not defined" + Suggestions.hint(dependency.service(), byName.keySet()));
                    continue;
                }
                Condition condition = dependency.condition().orElse(target.oneshot() ? Condition.COMPLETED
                        : target.ready().isPresent() ? Condition.READY : Condition.STARTED);
                if (condition == Condition.READY && target.oneshot()) {
                    problems.add(dependency.location(), "`" + spec.name() + "` waits for `" + target.name()
                            + "` to be ready, but `" + target.name() + "` is a one-shot task; use `completed` or"
                            + " `started`");
                } else if (condition == Condition.READY && target.ready().isEmpty()) {
                    problems.add(dependency.location(), "`" + spec.name() + "` waits for `" + target.name()
                            + "` to be ready, but `" + target.name() + "` has no port of its own and no `ready:` check;"
                            + " use `started`, or give it `ready: { log: REGEX }`");
                }
                if (condition == Condition.COMPLETED && !target.oneshot()) {
                    problems.add(dependency.location(), "`" + spec.name() + "` waits for `" + target.name()
                            + "` to complete, but `" + target.name() + "` runs until stopped; add `oneshot: true` to"
                            + " it, or wait for `started` or `ready`");
                }
                dependencies.putIfAbsent(target.name(), new Dependency(target.name(), condition, dependency.location()));
            }
            resolved.add(spec.withDependencies(List.copyOf(dependencies.values())));
        }
        return resolved;
    }

    void check(List<ServiceSpec> services, Map<String, String> variables) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        cycles(services, byName);
        inheritedPorts(services, byName);
        strictPorts(services);
        variablePrefixes(services);
        for (ServiceSpec service : services) {
            references(service.command(), byName, variables);
            service.stop().command().ifPresent(command -> references(command, byName, variables));
            service.env().values().forEach(value -> references(value, byName, variables));
        }
    }

    private void cycles(List<ServiceSpec> services, Map<String, ServiceSpec> byName) {
        for (List<String> cycle : DependencyGraph.of(services).cycles()) {
            ServiceSpec first = byName.get(cycle.get(0));
            Location where = first.dependsOn().stream().filter(d -> d.service().equals(cycle.get(1)))
                    .map(Dependency::location).findFirst().orElse(first.location());
            problems.add(where, "dependency cycle: " + String.join(" → ", cycle)
                    + "; remove one of these `depends_on` entries");
        }
    }

    private void inheritedPorts(List<ServiceSpec> services, Map<String, ServiceSpec> byName) {
        for (ServiceSpec service : services) {
            if (service.inheritPort().isEmpty()) {
                continue;
            }
            String target = service.inheritPort().get();
            ServiceSpec from = byName.get(target);
            if (from == null) {
                problems.add(service.location(), "service `" + service.name() + "` inherits the port of `" + target
                        + "`, which is not defined" + Suggestions.hint(target, byName.keySet()));
            } else if (from.name().equals(service.name())) {
                problems.add(service.location(), "service `" + service.name() + "` cannot inherit its own port");
            } else if (from.inheritPort().isPresent()) {
                problems.add(service.location(), "service `" + service.name() + "` inherits the port of `" + target
                        + "`, which inherits its own; write `inherit_port: " + from.inheritPort().get() + "`");
            } else if (!from.port().wanted()) {
                problems.add(service.location(), "service `" + service.name() + "` inherits the port of `" + target
                        + "`, which has `port: none`");
            }
        }
    }

    private void strictPorts(List<ServiceSpec> services) {
        Map<Integer, String> pinned = new HashMap<>();
        for (ServiceSpec service : services) {
            Set<Integer> own = new HashSet<>();
            List<PortSpec> specs = new ArrayList<>();
            specs.add(service.port());
            specs.addAll(service.namedPorts().values());
            for (PortSpec spec : specs) {
                if (spec.mode() == PortSpec.Mode.PREFERRED && spec.preferred().size() == 1) {
                    int port = spec.preferred().get(0);
                    if (own.contains(port)) {
                        problems.add(service.location(), "service `" + service.name() + "` asks for port " + port
                                + " twice; give each of its ports a different number");
                    }
                    own.add(port);
                    if (service.onConflict().insists()) {
                        String other = pinned.putIfAbsent(port, service.name());
                        if (other != null) {
                            problems.add(service.location(), "services `" + other + "` and `" + service.name()
                                    + "` both insist on port " + port + " (strict or on_conflict); only one can have it");
                        }
                    }
                }
            }
        }
    }

    private void variablePrefixes(List<ServiceSpec> services) {
        Map<String, String> prefixes = new HashMap<>();
        for (ServiceSpec service : services) {
            String prefix = service.variablePrefix();
            String other = prefixes.putIfAbsent(prefix, service.name());
            if (other != null) {
                problems.add(service.location(), "services `" + other + "` and `" + service.name() + "` would both set "
                        + prefix + "_PORT; rename one of them");
            }
        }
    }

    private void references(Template template, Map<String, ServiceSpec> byName, Map<String, String> variables) {
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.EnvRef env && !variables.containsKey(env.name())) {
                problems.add(template.location(), env.written() + ": `" + env.name() + "` is neither in your environment"
                        + " nor in the env file" + Suggestions.hint(env.name(), variables.keySet()));
            } else if (part instanceof Template.ServiceRef ref) {
                serviceReference(template, ref, byName);
            }
        }
    }

    private void serviceReference(Template template, Template.ServiceRef ref, Map<String, ServiceSpec> byName) {
        ServiceSpec target = byName.get(ref.service());
        if (target == null) {
            problems.add(template.location(), ref.written() + ": there is no service `" + ref.service() + "`"
                    + Suggestions.hint(ref.service(), byName.keySet()) + " (references: ${service.port}, ${service.url},"
                    + " ${service.host}, ${service.ports.NAME}, ${env.NAME})");
            return;
        }
        switch (ref.attribute()) {
            case "port", "url", "host" -> {
                if (!target.hasPort()) {
                    problems.add(template.location(), ref.written() + ": service `" + target.name() + "` has no port");
                }
            }
            case "ports" -> {
                if (!target.namedPorts().containsKey(ref.portName())) {
                    problems.add(template.location(), ref.written() + ": service `" + target.name()
                            + "` has no port named `" + ref.portName() + "`"
                            + Suggestions.hint(ref.portName(), target.namedPorts().keySet()));
                }
            }
            default -> problems.add(template.location(), ref.written() + ": unknown attribute `" + ref.attribute()
                    + "`; use one of " + String.join(", ", SERVICE_ATTRIBUTES)
                    + Suggestions.hint(ref.attribute(), List.of("port", "url", "host")));
        }
    }
}
