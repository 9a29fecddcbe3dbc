package dev.devstack.supervisor.config;

import dev.devstack.supervisor.Signal;
import java.time.Duration;
import java.util.Optional;

/**
 * How devstack stops a service: {@code command} if there is one (run with the service's
 * environment), else {@code signal} to its process group; SIGKILL once {@code timeout} has passed.
 */
public record StopSpec(Duration timeout, Signal signal, Optional<Template> command) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final StopSpec DEFAULT = new StopSpec(DEFAULT_TIMEOUT, Signal.TERM, Optional.empty());
}
