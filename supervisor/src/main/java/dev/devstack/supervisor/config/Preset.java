package dev.devstack.supervisor.config;

import dev.devstack.supervisor.Signal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one framework needs to listen on the service's port, on loopback, and to be seen as ready:
 * {@code args} appended to the command, {@code env}, a readiness line and the stop signal. In
 * {@code args} and {@code env}, {@value #SERVICE} stands for the service's name, so that
 * {@code ${{service}.port}} is its port. {@code flags} and {@code portArgument} are what a command
 * that already chooses the address looks like, which would contradict the preset.
 */
record Preset(String name, List<String> args, Map<String, String> env, Optional<String> readyLog,
              Optional<Duration> readyTimeout, Signal stopSignal, List<String> flags, Optional<Pattern> portArgument) {

    static final String SERVICE = "{service}";
    /** An env value that is the service's own port, which its replicas could not share. */
    static final String OWN_PORT = "${" + SERVICE + ".port}";

    Preset {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        flags = List.copyOf(flags);
    }

    /** Whether it gives the port through the environment, where {@code $PORT} of each replica cannot reach. */
    boolean portInEnvironment() {
        return env.values().stream().anyMatch(value -> value.contains(OWN_PORT));
    }

    /** The flag or argument of {@code command} that chooses what the preset chooses, if any. */
    Optional<String> contradiction(String command) {
        for (String token : command.strip().split("\\s+")) {
            for (String flag : flags) {
                if (token.equals(flag) || token.startsWith(flag + "=")) {
                    return Optional.of(flag);
                }
            }
            if (portArgument.isPresent() && portArgument.get().matcher(token).matches()) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }
}
