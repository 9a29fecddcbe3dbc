package dev.devstack.detect;

import java.util.Optional;

/**
 * Who listens on a port. {@code process} is empty when the socket belongs to another user's
 * process (its pid is hidden from us); then only {@code user} is known.
 */
public record PortHolder(Listener listener, Optional<ProcessInfo> process, String user) {

    public String describe() {
        return process.map(ProcessInfo::describe)
                .orElse("a process of another user (" + user + "); its pid is hidden from you");
    }
}
