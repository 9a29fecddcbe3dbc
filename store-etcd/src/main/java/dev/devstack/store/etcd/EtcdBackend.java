package dev.devstack.store.etcd;

import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamRegistryBackend;
import dev.devstack.store.TeamRegistrySettings;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Opens the team registry on etcd: found by ServiceLoader when {@code registry: etcd://…} is configured. */
public final class EtcdBackend implements TeamRegistryBackend {

    /** How long the first contact may take before `up` says the registry cannot be reached. */
    static final Duration REACH = Duration.ofSeconds(10);
    /** How long a member may take to accept a connection: it is one round trip. */
    private static final Duration PROBE = Duration.ofSeconds(1);

    @Override
    public LeaseRegistry open(TeamRegistrySettings settings, Clock clock) {
        QuietLibraries.silence();
        // Vert.x (under jetcd) otherwise makes a /tmp/vertx-cache-* folder that only its shutdown hook
        // removes, and `up` ends with _exit(2), so every run would leave one behind.
        System.setProperty("vertx.disableFileCPResolving", "true");
        refuseIfNoneListens(settings);
        Client client = client(settings);
        try {
            EtcdLeaseRegistry registry = new EtcdLeaseRegistry(client, settings, clock);
            registry.read(view -> null);
            return registry;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static Client client(TeamRegistrySettings settings) {
        ClientBuilder builder = Client.builder().endpoints(settings.endpoints())
                .connectTimeout(REACH)
                .retryMaxDuration(REACH.dividedBy(2))
                .keepaliveWithoutCalls(false)
                .waitForReady(false);
        settings.auth().ifPresent(auth -> builder.user(EtcdKeys.bytes(auth.user()))
                .password(EtcdKeys.bytes(auth.password())));
        if (settings.tls().isPresent()) {
            TeamRegistrySettings.Tls tls = settings.tls().get();
            try {
                builder.sslContext(ssl -> {
                    ssl.trustManager(tls.ca().toFile());
                    if (tls.cert().isPresent() && tls.key().isPresent()) {
                        ssl.keyManager(tls.cert().get().toFile(), tls.key().get().toFile());
                    }
                });
            } catch (SSLException | IllegalArgumentException e) {
                throw new RegistryException("cannot use the TLS files of the team registry " + settings.describe()
                        + " (CA " + tls.ca() + tls.cert().map(cert -> ", certificate " + cert).orElse("")
                        + tls.key().map(key -> ", key " + key).orElse("") + ") from " + settings.source()
                        + ": they cannot be read as PEM; check the paths and files", e);
            }
        }
        return builder.build();
    }

    /**
     * Fails at once when no endpoint accepts a connection (etcd is not running there), with the
     * operating system's reason: jetcd would retry until its deadline and then only say it timed out.
     */
    private static void refuseIfNoneListens(TeamRegistrySettings settings) {
        EtcdFailure first = null;
        for (URI endpoint : settings.endpoints()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), (int) PROBE.toMillis());
                return;
            } catch (IOException e) {
                first = first == null ? EtcdFailure.of(e, PROBE) : first;
            }
        }
        throw first.exception("cannot reach the team registry", settings);
    }
}
