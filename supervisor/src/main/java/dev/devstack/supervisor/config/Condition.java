package dev.devstack.supervisor.config;

import java.util.Locale;

/**
 * When a dependency counts as satisfied: its process has started, its port accepts connections,
 * or (one-shot services) it ran to completion with exit code 0.
 */
public enum Condition {
    STARTED,
    READY,
    COMPLETED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
