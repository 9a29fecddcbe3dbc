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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etcd's users and roles passed through: a user whose role may write the namespace works; a wrong password is refused in words. */
class AuthIT {

    @Test
    void theTeamsUserMayWriteItsNamespaceAndAWrongPasswordIsRefused(@TempDir Path folder) {
        try (EtcdServer etcd = EtcdServer.running(folder)) {
            etcd.etcdctl("user", "add", "root:root-secret");
            etcd.etcdctl("user", "add", "dev:dev-secret");
            etcd.etcdctl("role", "add", "web-team");
            etcd.etcdctl("role", "grant-permission", "web-team", "--prefix=true", "readwrite", "/devstack/web/");
            etcd.etcdctl("user", "grant-role", "dev", "web-team");
            etcd.etcdctl("auth", "enable");

            try (TeamRegistry registry = TeamRegistries.open(as("dev", "dev-secret", etcd, "web"))) {
                registry.update(transaction -> {
                    transaction.putLease(new Lease(LeaseOwner.manual("db"), 5432, ProcessHandle.current().pid(), 0, "dev",
                            Instant.now()));
                    return null;
                });
                assertThat(registry.read(RegistryView::leases)).extracting(Lease::port).containsExactly(5432);
            }
            assertThatThrownBy(() -> TeamRegistries.open(as("dev", "wrong", etcd, "web")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("cannot read the team registry etcd://127.0.0.1:" + etcd.clientPort() + " (namespace web)"
                            + " from the test's settings: etcd refused the user or password; check the registry's user,"
                            + " password and TLS files in the test's settings");
            assertThatThrownBy(() -> TeamRegistries.open(as("dev", "dev-secret", etcd, "other-team")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("etcd's user may not use this namespace");
        }
    }

    private static TeamRegistrySettings as(String user, String password, EtcdServer etcd, String namespace) {
        TeamRegistrySettings settings = TeamRegistries.settings(List.of(etcd.endpoint()), namespace, "laptop");
        return new TeamRegistrySettings(settings.endpoints(), namespace, settings.ttl(), settings.host(), settings.user(),
                settings.tls(), Optional.of(new TeamRegistrySettings.Auth(user, password)), settings.source());
    }
}
