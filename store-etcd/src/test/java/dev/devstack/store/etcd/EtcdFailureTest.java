package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.TeamRegistrySettings;
import io.grpc.Status;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class EtcdFailureTest {

    private static final TeamRegistrySettings SETTINGS = new TeamRegistrySettings(
            List.of(URI.create("http://devbox:2379"), URI.create("http://devbox2:2379")), "web", Duration.ofSeconds(10),
            "laptop", "ann", Optional.empty(), Optional.empty(), "~/.config/devstack/config.yaml");

    @Test
    void aRefusedConnectionIsUnreachableAndSaysWhatToDo() {
        EtcdFailure failure = EtcdFailure.of(new ExecutionException(new RuntimeException("wrapped",
                new ConnectException("Connection refused"))), Duration.ofSeconds(5));

        assertThat(failure).isEqualTo(new EtcdFailure(EtcdFailure.Kind.UNREACHABLE, "connection refused"));
        assertThat(failure.exception("cannot change the team registry", SETTINGS)).hasMessage("cannot reach the team"
                + " registry etcd://devbox:2379,devbox2:2379 (namespace web) from ~/.config/devstack/config.yaml:"
                + " connection refused; start etcd there, or run with --registry local");
    }

    @Test
    void gRpcStatusesBecomeWordsWithoutClassNames() {
        assertThat(EtcdFailure.of(new TimeoutException(), Duration.ofMillis(666)).reason()).isEqualTo("no answer within 666 ms");
        assertThat(EtcdFailure.of(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException(),
                Duration.ofSeconds(5))).isEqualTo(new EtcdFailure(EtcdFailure.Kind.UNREACHABLE, "no member answers"));
        EtcdFailure refused = EtcdFailure.of(Status.UNAUTHENTICATED.asRuntimeException(), Duration.ofSeconds(5));
        assertThat(refused.kind()).isEqualTo(EtcdFailure.Kind.REFUSED);
        assertThat(refused.exception("cannot read the team registry", SETTINGS)).hasMessage("cannot read the team registry"
                + " etcd://devbox:2379,devbox2:2379 (namespace web) from ~/.config/devstack/config.yaml: etcd refused the"
                + " user or password; check the registry's user, password and TLS files in ~/.config/devstack/config.yaml");
        assertThat(EtcdFailure.of(Status.INVALID_ARGUMENT.withDescription("etcdserver: too many operations in txn request")
                .asRuntimeException(), Duration.ofSeconds(5)).reason()).isEqualTo("too many operations in txn request");
        assertThat(EtcdFailure.of(Status.INTERNAL.asRuntimeException(), Duration.ofSeconds(5)).reason())
                .isEqualTo("etcd failed (internal)");
    }
}
