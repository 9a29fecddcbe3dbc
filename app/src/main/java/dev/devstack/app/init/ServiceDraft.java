package dev.devstack.app.init;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service init proposes, with the keys of ports.yaml it will write and where it came from
 * ({@code origin}, written as the comment above it); {@code notes} are further comments for the user.
 * Built with the {@code with…} methods, each returning a new draft.
 *
 * @param cwd relative to the project folder; empty for the project folder itself
 * @param ports preferred port numbers in order; empty for `auto`
 * @param noPort the service has no port (`port: none`)
 */
public record ServiceDraft(String name, String origin, String command, String cwd, Optional<String> preset,
                           List<Integer> ports, boolean noPort, Map<String, String> env,
                           List<DependencyDraft> dependsOn, Optional<CheckDraft> ready, boolean oneshot,
                           List<String> notes) {

    public ServiceDraft {
        ports = List.copyOf(ports);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        dependsOn = List.copyOf(dependsOn);
        notes = List.copyOf(notes);
    }

    public static ServiceDraft of(String name, String origin, String command) {
        return new ServiceDraft(name, origin, command, "", Optional.empty(), List.of(), false, Map.of(), List.of(),
                Optional.empty(), false, List.of());
    }

    public ServiceDraft withName(String newName) {
        return new ServiceDraft(newName, origin, command, cwd, preset, ports, noPort, env, dependsOn, ready, oneshot,
                notes);
    }

    public ServiceDraft withCwd(String folder) {
        return new ServiceDraft(name, origin, command, folder, preset, ports, noPort, env, dependsOn, ready, oneshot,
                notes);
    }

    public ServiceDraft withPreset(String name) {
        return new ServiceDraft(this.name, origin, command, cwd, Optional.of(name), ports, noPort, env, dependsOn,
                ready, oneshot, notes);
    }

    public ServiceDraft withPorts(List<Integer> preferred) {
        return new ServiceDraft(name, origin, command, cwd, preset, preferred, false, env, dependsOn, ready, oneshot,
                notes);
    }

    public ServiceDraft withoutPort() {
        return new ServiceDraft(name, origin, command, cwd, preset, List.of(), true, env, dependsOn, ready, oneshot,
                notes);
    }

    public ServiceDraft withEnv(Map<String, String> variables) {
        return new ServiceDraft(name, origin, command, cwd, preset, ports, noPort, variables, dependsOn, ready,
                oneshot, notes);
    }

    public ServiceDraft withDependsOn(List<DependencyDraft> dependencies) {
        return new ServiceDraft(name, origin, command, cwd, preset, ports, noPort, env, dependencies, ready, oneshot,
                notes);
    }

    public ServiceDraft withReady(CheckDraft check) {
        return new ServiceDraft(name, origin, command, cwd, preset, ports, noPort, env, dependsOn,
                Optional.of(check), oneshot, notes);
    }

    /** A task that runs to completion: no port, no readiness. */
    public ServiceDraft asOneshot() {
        return new ServiceDraft(name, origin, command, cwd, preset, List.of(), true, env, dependsOn, Optional.empty(),
                true, notes);
    }

    public ServiceDraft withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ServiceDraft(name, origin, command, cwd, preset, ports, noPort, env, dependsOn, ready, oneshot,
                more);
    }
}
