package dev.devstack.supervisor.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated stack: where it lives, what it is called, and its services in the order they
 * were written. {@code source} is the file it came from ("ports.yaml" or "Procfile");
 * {@code envFile} holds the values of the env file, in file order; {@code environment} is the
 * environment chosen from its {@code environments:}, if any; {@code names} what it asks of the agent's
 * names ({@code urls}, {@code front_door}).
 */
public record StackConfig(
        Path projectDir,
        String source,
        String project,
        PortRange range,
        Map<String, String> envFile,
        List<ServiceSpec> services,
        List<String> warnings,
        Optional<String> environment,
        Names names) {

    public StackConfig {
        envFile = Collections.unmodifiableMap(new LinkedHashMap<>(envFile));
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
    }

    /** The same stack with other services (a selection, other scales). */
    public StackConfig withServices(List<ServiceSpec> replaced) {
        return new StackConfig(projectDir, source, project, range, envFile, replaced, warnings, environment, names);
    }

    /** The same stack choosing its ports from {@code other} (a team registry's pool for it). */
    public StackConfig withRange(PortRange other) {
        return new StackConfig(projectDir, source, project, other, envFile, services, warnings, environment, names);
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
