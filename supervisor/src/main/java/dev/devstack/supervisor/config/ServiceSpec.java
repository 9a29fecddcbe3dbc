package dev.devstack.supervisor.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One service as configured. {@code port} is its primary port ({@code PORT}), {@code namedPorts}
 * its extra ones ({@code PORT_<NAME>}); {@code inheritPort} names the service whose primary port
 * it uses instead of having its own. A {@code oneshot} service runs to completion (a migration).
 * {@code ready} is how it is found ready (empty: it is not checked); {@code health} is checked
 * after that, periodically. {@code exitOnFailure}: its failure stops the whole stack.
 * {@code scale} is its number of replicas, each run as a unit of its own, and {@code scaleLimits}
 * how few and how many a running stack may give it. {@code onConflict}:
 * what happens when its fixed port is taken. {@code pidfile}: where a service that daemonizes
 * writes its daemon's pid, which is then the service's process once the command has exited 0.
 * {@code profiles}: the profiles it belongs to; with none it always starts, with some only when one
 * of them is chosen (`up --profile`), it is named, or a service that starts needs it.
 * {@code watch}: the files whose changes restart it. {@code tty}: it runs under a pseudo-terminal of
 * its own rather than with pipes.
 */
public record ServiceSpec(
        String name,
        Location location,
        Template command,
        Path cwd,
        Map<String, Template> env,
        PortSpec port,
        Map<String, PortSpec> namedPorts,
        OnConflict onConflict,
        List<Dependency> dependsOn,
        Optional<String> inheritPort,
        StopSpec stop,
        RestartPolicy restart,
        boolean oneshot,
        Optional<CheckSpec> ready,
        Optional<CheckSpec> health,
        boolean restartOnUnhealthy,
        boolean exitOnFailure,
        int scale,
        ScaleLimits scaleLimits,
        Optional<Path> pidfile,
        List<String> profiles,
        Optional<WatchSpec> watch,
        boolean tty) {

    /** The most replicas a service may have. */
    public static final int MAX_SCALE = 100;

    public ServiceSpec {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        namedPorts = Collections.unmodifiableMap(new LinkedHashMap<>(namedPorts));
        dependsOn = List.copyOf(dependsOn);
        profiles = List.copyOf(profiles);
    }

    public ServiceSpec withDependencies(List<Dependency> dependencies) {
        return new ServiceSpec(name, location, command, cwd, env, port, namedPorts, onConflict, dependencies, inheritPort,
                stop, restart, oneshot, ready, health, restartOnUnhealthy, exitOnFailure, scale, scaleLimits, pidfile,
                profiles, watch, tty);
    }

    /** The same service with {@code replicas} replicas. */
    public ServiceSpec withScale(int replicas) {
        return new ServiceSpec(name, location, command, cwd, env, port, namedPorts, onConflict, dependsOn, inheritPort,
                stop, restart, oneshot, ready, health, restartOnUnhealthy, exitOnFailure, replicas, scaleLimits, pidfile,
                profiles, watch, tty);
    }

    /** The same service wanting other ports (a team registry's pool leaves out what lies outside it). */
    public ServiceSpec withPorts(PortSpec primary, Map<String, PortSpec> named) {
        return new ServiceSpec(name, location, command, cwd, env, primary, named, onConflict, dependsOn, inheritPort,
                stop, restart, oneshot, ready, health, restartOnUnhealthy, exitOnFailure, scale, scaleLimits, pidfile,
                profiles, watch, tty);
    }

    /** The names it runs under: its own name, or {@code name.0} … {@code name.N-1} for N replicas. */
    public List<String> units() {
        if (scale == 1) {
            return List.of(name);
        }
        List<String> units = new ArrayList<>(scale);
        for (int replica = 0; replica < scale; replica++) {
            units.add(name + "." + replica);
        }
        return units;
    }

    /** How the service's name appears in variable names: {@code my-api} → {@code MY_API}. */
    public String variablePrefix() {
        return variablePrefix(name);
    }

    public static String variablePrefix(String service) {
        return service.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether the service has a primary port, its own or inherited. */
    public boolean hasPort() {
        return port.wanted() || inheritPort.isPresent();
    }
}
