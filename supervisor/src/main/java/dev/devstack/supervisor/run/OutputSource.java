package dev.devstack.supervisor.run;

/** Which pipe a service's output came from. */
public enum OutputSource {
    STDOUT,
    STDERR
}
