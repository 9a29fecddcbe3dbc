package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.config.Template;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Each unit's environment (DESIGN §7): the user's environment; then {@code PORT},
 * {@code PORT_<NAME>} and, for every service S of the stack, {@code S_PORT}, {@code S_HOST},
 * {@code S_URL}, {@code S_PORT_<NAME>} (of its first replica) and {@code S_PORTS} (of all of them);
 * {@code DEVSTACK_PROJECT}, {@code DEVSTACK_SERVICE}, {@code DEVSTACK_INSTANCE},
 * {@code DEVSTACK_REPLICA}, {@code DEVSTACK_ENV} (the environment chosen, if any), {@code DEVSTACK_API_URL} (the
 * stack's HTTP API, when it has a port);
 * then the env file and the service's own {@code env:}, so that the user can override any of them. References in commands and values are filled in here; a
 * reference to a scaled service means its first replica.
 */
public final class EnvironmentBuilder {

    public static final String HOST = "127.0.0.1";

    private final Map<String, String> userEnvironment;

    public EnvironmentBuilder(Map<String, String> userEnvironment) {
        this.userEnvironment = Map.copyOf(userEnvironment);
    }

    public List<ServicePlan> build(StackConfig config, String instance, PortPlan ports) {
        Map<String, String> stackVariables = new LinkedHashMap<>();
        for (ServiceSpec service : config.services()) {
            String prefix = service.variablePrefix();
            String first = service.units().get(0);
            ports.primary(first).ifPresent(port -> {
                stackVariables.put(prefix + "_PORT", String.valueOf(port));
                stackVariables.put(prefix + "_PORTS", service.units().stream().map(ports::primary)
                        .filter(OptionalInt::isPresent).map(p -> String.valueOf(p.getAsInt()))
                        .collect(Collectors.joining(",")));
                stackVariables.put(prefix + "_HOST", HOST);
                stackVariables.put(prefix + "_URL", url(port));
            });
            for (PortAssignment named : ports.of(first)) {
                if (!named.primary()) {
                    stackVariables.put(prefix + "_PORT_" + named.portName().toUpperCase(Locale.ROOT),
                            String.valueOf(named.port()));
                }
            }
        }

        List<ServicePlan> plans = new ArrayList<>();
        for (ServiceSpec service : config.services()) {
            List<String> units = service.units();
            for (int replica = 0; replica < units.size(); replica++) {
                plans.add(unit(config, instance, ports, service, units.get(replica), replica, stackVariables));
            }
        }
        return plans;
    }

    private ServicePlan unit(StackConfig config, String instance, PortPlan ports, ServiceSpec service, String unit,
                             int replica, Map<String, String> stackVariables) {
        Map<String, String> env = new LinkedHashMap<>(userEnvironment);
        env.remove("PORT");
        env.putAll(stackVariables);
        List<Integer> own = new ArrayList<>();
        for (PortAssignment assignment : ports.of(unit)) {
            if (assignment.primary()) {
                env.put("PORT", String.valueOf(assignment.port()));
            } else {
                env.put("PORT_" + assignment.portName().toUpperCase(Locale.ROOT), String.valueOf(assignment.port()));
            }
            if (!(assignment.reason() instanceof AssignmentReason.Inherited)) {
                own.add(assignment.port());
            }
        }
        env.put("DEVSTACK_PROJECT", config.project());
        env.put("DEVSTACK_SERVICE", service.name());
        env.put("DEVSTACK_INSTANCE", instance);
        config.environment().ifPresent(name -> env.put("DEVSTACK_ENV", name));
        env.put("DEVSTACK_REPLICA", String.valueOf(replica));
        ports.api().ifPresent(api -> env.put("DEVSTACK_API_URL", url(api.port())));
        env.putAll(config.envFile());
        service.env().forEach((name, value) -> env.put(name, render(value, config, ports)));
        return new ServicePlan(service, unit, replica, render(service.command(), config, ports),
                service.stop().command().map(command -> render(command, config, ports)), env, own);
    }

    private String render(Template template, StackConfig config, PortPlan ports) {
        return template.render(part -> {
            if (part instanceof Template.EnvRef env) {
                return config.envFile().getOrDefault(env.name(), userEnvironment.getOrDefault(env.name(), ""));
            }
            Template.ServiceRef ref = (Template.ServiceRef) part;
            return switch (ref.attribute()) {
                case "ports" -> ports.named(firstUnit(config, ref.service()), ref.portName()).map(String::valueOf)
                        .orElse("");
                case "host" -> HOST;
                case "url" -> url(ports.primary(firstUnit(config, ref.service())).orElse(0));
                default -> String.valueOf(ports.primary(firstUnit(config, ref.service())).orElse(0));
            };
        });
    }

    /** Whether {@code variable} is one this builder sets for every unit about {@code service} ({@code S_PORT}, …). */
    static boolean describes(String variable, ServiceSpec service) {
        String prefix = service.variablePrefix();
        return variable.equals(prefix + "_PORT") || variable.equals(prefix + "_PORTS") || variable.equals(prefix + "_HOST")
                || variable.equals(prefix + "_URL") || variable.startsWith(prefix + "_PORT_");
    }

    private static String firstUnit(StackConfig config, String service) {
        return config.service(service).orElseThrow().units().get(0);
    }

    public static String url(int port) {
        return "http://" + HOST + ":" + port;
    }
}
