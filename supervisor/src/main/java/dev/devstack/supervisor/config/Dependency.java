package dev.devstack.supervisor.config;

/** A service this one waits for before it starts, and what it waits for. */
public record Dependency(String service, Condition condition, Location location) {
}
