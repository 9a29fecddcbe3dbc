package dev.devstack.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a team registry and who this devstack is in it.
 *
 * @param endpoints  the etcd members, as {@code http://HOST:PORT} (or {@code https://} with TLS)
 * @param namespace  the team: every key lives under {@code /devstack/NAMESPACE/}
 * @param ttl        how long the leases of a devstack that stopped answering outlive it
 * @param host       this host's identity: its host name, or {@code DEVSTACK_HOST}
 * @param user       the user this devstack runs as, recorded with its leases
 * @param tls        the files of etcd's TLS settings, when it asks for TLS
 * @param auth       etcd's user and password, when it asks for them
 * @param source     where these settings were read ("~/.config/devstack/config.yaml", "DEVSTACK_REGISTRY"), for messages
 */
public record TeamRegistrySettings(List<URI> endpoints, String namespace, Duration ttl, String host, String user,
                                   Optional<Tls> tls, Optional<Auth> auth, String source) {

    public static final String DEFAULT_NAMESPACE = "default";
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

    public TeamRegistrySettings {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(source, "source");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a team registry needs at least one endpoint");
        }
    }

    /** The trusted CA, and this client's certificate and key when etcd checks clients. */
    public record Tls(Path ca, Optional<Path> cert, Optional<Path> key) {
        public Tls {
            Objects.requireNonNull(ca, "ca");
            Objects.requireNonNull(cert, "cert");
            Objects.requireNonNull(key, "key");
        }
    }

    public record Auth(String user, String password) {
        public Auth {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Auth[user=" + user + ", password=(hidden)]";
        }
    }

    /** "etcd://a:2379,b:2379 (namespace web)": the endpoints as the user wrote them, for messages. */
    public String describe() {
        StringBuilder text = new StringBuilder("etcd://");
        for (int i = 0; i < endpoints.size(); i++) {
            text.append(i == 0 ? "" : ",").append(endpoints.get(i).getHost()).append(':').append(endpoints.get(i).getPort());
        }
        return text.append(" (namespace ").append(namespace).append(')').toString();
    }
}
