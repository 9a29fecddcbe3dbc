package dev.devstack.app;

import java.util.List;

/**
 * What `devstack up` was asked for: only some services (empty: all), whether any failure ends the
 * stack, and whether it is watched interactively (a dashboard), so that it stays open until quit.
 */
public record UpOptions(List<String> services, boolean exitOnFailure, boolean interactive, boolean adopt) {

    public static final UpOptions ALL = new UpOptions(List.of(), false, false, false);

    public UpOptions {
        services = List.copyOf(services);
    }
}
