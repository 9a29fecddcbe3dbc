package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.config.Template;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.HostNames;
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
 * stack's HTTP API, when it has a port); {@code TERM=xterm-256color} for a {@code tty: true} service
 * (what the dashboard that shows its output understands, whatever devstack's own terminal is);
 * then the env file and the service's own {@code env:}, so that the user can override any of them. References in commands and values are filled in here; a
 * reference to a scaled service means its first replica. With {@code urls: names} and the agent's port,
 * a service's URL is its name through the agent ({@code http://web.shop.localhost:2080}, docs/names.md).
 */
public final class EnvironmentBuilder {

    public static final String HOST = "127.0.0.1";
    /** The terminal type a {@code tty: true} service is told. */
    static final String TTY_TERM = "xterm-256color";

    private final Map<String, String> userEnvironment;
    private final OptionalInt agentPort;

    /** {@code agentPort}: the agent's, when the stack's URLs are names; empty, they are ports. */
    public EnvironmentBuilder(Map<String, String> userEnvironment, OptionalInt agentPort) {
        this.userEnvironment = Map.copyOf(userEnvironment);
        this.agentPort = agentPort;
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
                stackVariables.put(prefix + "_URL", serviceUrl(config, instance, service.name(), port));
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
        if (service.tty()) {
            env.put("TERM", TTY_TERM);
        }
        env.putAll(config.envFile());
        service.env().forEach((name, value) -> env.put(name, render(value, config, instance, ports)));
        return new ServicePlan(service, unit, replica, render(service.command(), config, instance, ports),
                service.stop().command().map(command -> render(command, config, instance, ports)), env, own);
    }

    private String render(Template template, StackConfig config, String instance, PortPlan ports) {
        return template.render(part -> {
            if (part instanceof Template.EnvRef env) {
                return config.envFile().getOrDefault(env.name(), userEnvironment.getOrDefault(env.name(), ""));
            }
            Template.ServiceRef ref = (Template.ServiceRef) part;
            return switch (ref.attribute()) {
                case "ports" -> ports.named(firstUnit(config, ref.service()), ref.portName()).map(String::valueOf)
                        .orElse("");
                case "host" -> HOST;
                case "url" -> serviceUrl(config, instance, ref.service(),
                        ports.primary(firstUnit(config, ref.service())).orElse(0));
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

    private String serviceUrl(StackConfig config, String instance, String service, int port) {
        if (agentPort.isPresent() && config.names().inUrls()) {
            return HostNames.url(HostNames.service(service, instance, config.project()), agentPort.getAsInt());
        }
        return url(port);
    }

    public static String url(int port) {
        return "http://" + HOST + ":" + port;
    }
}
