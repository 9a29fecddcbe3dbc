package dev.devstack.supervisor.model;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * A unit's `restart:` policy as a client sees it: {@code mode} as written in ports.yaml (no,
 * on-failure, always), the first wait before a restart, and the most restarts in a row, if limited.
 */
public record RestartSettings(String mode, Duration backoff, OptionalInt maxRestarts) {
}
