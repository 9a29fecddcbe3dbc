package dev.devstack.store.etcd;

import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamRegistryBackend;
import dev.devstack.store.TeamRegistrySettings;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Opens the team registry on etcd: found by ServiceLoader when {@code registry: etcd://…} is configured. */
public final class EtcdBackend implements TeamRegistryBackend {

    /** How long the first contact may take before `up` says the registry cannot be reached. */
    static final Duration REACH = Duration.ofSeconds(5);

    @Override
    public LeaseRegistry open(TeamRegistrySettings settings, Clock clock) {
        QuietLibraries.silence();
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
                .retryMaxDuration(REACH)
                .keepaliveWithoutCalls(false);
        settings.auth().ifPresent(auth -> builder.user(bytes(auth.user())).password(bytes(auth.password())));
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

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }
}
