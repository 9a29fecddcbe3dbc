package dev.devstack.store.etcd.testing;

import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.TeamRegistryBackend;
import dev.devstack.store.TeamRegistrySettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Opens team registries the way devstack does, through the backend ServiceLoader finds, with a TTL of 2 s. */
public final class TeamRegistries {

    public static final Duration TTL = Duration.ofSeconds(2);

    private TeamRegistries() {
    }

    public static TeamRegistrySettings settings(List<URI> endpoints, String namespace, String host) {
        return new TeamRegistrySettings(endpoints, namespace, TTL, host, "dev", Optional.empty(), Optional.empty(),
                "the test's settings");
    }

    public static TeamRegistry open(List<URI> endpoints, String namespace, String host) {
        return open(settings(endpoints, namespace, host));
    }

    public static TeamRegistry open(TeamRegistrySettings settings) {
        TeamRegistryBackend backend = ServiceLoader.load(TeamRegistryBackend.class).findFirst()
                .orElseThrow(() -> new AssertionError("no TeamRegistryBackend registered"));
        LeaseRegistry registry = backend.open(settings, Clock.systemUTC());
        return (TeamRegistry) registry;
    }
}
