package dev.devstack.supervisor.config;

import java.util.Locale;

/** When a dependency counts as satisfied: its process has started, or its port accepts connections. */
public enum Condition {
    STARTED,
    READY;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
