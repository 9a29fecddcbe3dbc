package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RegistryView;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.TeamRegistrySettings;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import dev.devstack.store.etcd.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etcd's TLS settings passed through: a client with the team's CA and its certificate works; one without is refused in words. */
class TlsIT {

    @Test
    void aClientCertificateSignedByTheTeamsCaIsLetInAndNoCertificateIsRefused(@TempDir Path folder) {
        TestCertificates certificates = TestCertificates.make(folder);
        try (EtcdServer etcd = EtcdServer.runningWithTls(folder, certificates)) {
            TeamRegistrySettings plain = TeamRegistries.settings(List.of(etcd.endpoint()), "secure", "laptop");
            TeamRegistrySettings withCertificate = withTls(plain, new TeamRegistrySettings.Tls(certificates.ca(),
                    Optional.of(certificates.clientCert()), Optional.of(certificates.clientKey())));
            try (TeamRegistry registry = TeamRegistries.open(withCertificate)) {
                registry.update(transaction -> {
                    transaction.putLease(new Lease(LeaseOwner.manual("db"), 5432, 0, 0, "dev", Instant.now()));
                    return null;
                });
                assertThat(registry.read(RegistryView::leases)).extracting(Lease::port).containsExactly(5432);
            }

            TeamRegistrySettings caOnly = withTls(plain, new TeamRegistrySettings.Tls(certificates.ca(), Optional.empty(),
                    Optional.empty()));
            assertThatThrownBy(() -> TeamRegistries.open(caOnly)).isInstanceOf(RegistryException.class)
                    .hasMessage("cannot read the team registry etcd://127.0.0.1:" + etcd.clientPort() + " (namespace secure)"
                            + " from the test's settings: the TLS handshake failed; check the registry's user, password"
                            + " and TLS files in the test's settings");
        }
    }

    private static TeamRegistrySettings withTls(TeamRegistrySettings settings, TeamRegistrySettings.Tls tls) {
        return new TeamRegistrySettings(settings.endpoints(), settings.namespace(), settings.ttl(), settings.host(),
                settings.user(), Optional.of(tls), settings.auth(), settings.source());
    }
}
