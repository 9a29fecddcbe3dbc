package dev.devstack.supervisor.model;

/** Which pipe a service's output came from. */
public enum OutputSource {
    STDOUT,
    STDERR
}
