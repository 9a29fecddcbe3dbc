package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.config.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each service's environment (DESIGN §7): the user's environment; then {@code PORT},
 * {@code PORT_<NAME>} and, for every service S of the stack, {@code S_PORT}, {@code S_HOST},
 * {@code S_URL}, {@code S_PORT_<NAME>}; {@code DEVSTACK_PROJECT}, {@code DEVSTACK_SERVICE},
 * {@code DEVSTACK_INSTANCE}; then the env file and the service's own {@code env:}, so that the
 * user can override any of them. References in commands and values are filled in here.
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
            ports.primary(service.name()).ifPresent(port -> {
                stackVariables.put(prefix + "_PORT", String.valueOf(port));
                stackVariables.put(prefix + "_HOST", HOST);
                stackVariables.put(prefix + "_URL", url(port));
            });
            for (PortAssignment named : ports.of(service.name())) {
                if (!named.primary()) {
                    stackVariables.put(prefix + "_PORT_" + named.portName().toUpperCase(Locale.ROOT),
                            String.valueOf(named.port()));
                }
            }
        }

        List<ServicePlan> plans = new ArrayList<>();
        for (ServiceSpec service : config.services()) {
            Map<String, String> env = new LinkedHashMap<>(userEnvironment);
            env.remove("PORT");
            env.putAll(stackVariables);
            List<Integer> own = new ArrayList<>();
            for (PortAssignment assignment : ports.of(service.name())) {
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
            env.putAll(config.envFile());
            service.env().forEach((name, value) -> env.put(name, render(value, config, ports)));
            plans.add(new ServicePlan(service, render(service.command(), config, ports),
                    service.stop().command().map(command -> render(command, config, ports)), env, own));
        }
        return plans;
    }

    private String render(Template template, StackConfig config, PortPlan ports) {
        return template.render(part -> {
            if (part instanceof Template.EnvRef env) {
                return config.envFile().getOrDefault(env.name(), userEnvironment.getOrDefault(env.name(), ""));
            }
            Template.ServiceRef ref = (Template.ServiceRef) part;
            return switch (ref.attribute()) {
                case "ports" -> ports.named(ref.service(), ref.portName()).map(String::valueOf).orElse("");
                case "host" -> HOST;
                case "url" -> url(ports.primary(ref.service()).orElse(0));
                default -> String.valueOf(ports.primary(ref.service()).orElse(0));
            };
        });
    }

    public static String url(int port) {
        return "http://" + HOST + ":" + port;
    }
}
