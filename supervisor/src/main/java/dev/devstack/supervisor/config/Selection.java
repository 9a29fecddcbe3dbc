package dev.devstack.supervisor.config;

import java.util.List;

/**
 * What `devstack up` was asked to run: the services named (empty: every service without a
 * profile) and the profiles chosen with {@code --profile}, whose services start too; with what each
 * of them depends on ({@link StackSelection}).
 */
public record Selection(List<String> services, List<String> profiles) {

    /** Every service that has no profile. */
    public static final Selection DEFAULT = new Selection(List.of(), List.of());

    public Selection {
        services = List.copyOf(services);
        profiles = List.copyOf(profiles);
    }

    public static Selection of(List<String> services) {
        return new Selection(services, List.of());
    }
}
