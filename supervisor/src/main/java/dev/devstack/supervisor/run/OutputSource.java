package dev.devstack.supervisor.run;

/** Which pipe a line of a service's output came from. */
public enum OutputSource {
    STDOUT,
    STDERR
}
