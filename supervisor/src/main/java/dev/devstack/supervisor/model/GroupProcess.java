package dev.devstack.supervisor.model;

/** A process of a unit: the one devstack launched or one it started; {@code commandLine} as /proc tells it. */
public record GroupProcess(long pid, String commandLine) {
}
