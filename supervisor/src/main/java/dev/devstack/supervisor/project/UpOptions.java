package dev.devstack.supervisor.project;

import java.util.List;

/** What `devstack up` was asked for: only some services (empty: all), and whether any failure ends the stack. */
public record UpOptions(List<String> services, boolean exitOnFailure) {

    public static final UpOptions ALL = new UpOptions(List.of(), false);

    public UpOptions {
        services = List.copyOf(services);
    }
}
