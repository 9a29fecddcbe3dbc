package dev.devstack.supervisor.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A unit's readiness or health check as configured ({@code check}: "http GET /healthz on 4012") and
 * what its last attempt found, if one was made.
 */
public record CheckStatus(Role role, String check, Optional<Attempt> last) {

    public enum Role {
        READINESS,
        HEALTH
    }

    /** One attempt: when, whether it passed, and what it saw ("HTTP 503", "exit 1", "port accepts"). */
    public record Attempt(Instant at, boolean passed, String result) {
    }
}
