package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.Lease;
import dev.devstack.store.RemoteLease;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A `devstack up` on a team registry keeps its leases alive past their time to live while it runs,
 * and once it is killed with SIGKILL they are gone from etcd within a few seconds (config.yaml's
 * `ttl: 2s`; the default 10 s would fail the wait), as another host sees them, without any `gc`.
 */
class TeamStackDeathIT {

    /** Twice the time to live, and still well under the default one of 10 s. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(7);

    @TempDir
    Path folder;
    @TempDir
    Path projectDir;

    @Test
    void theLeasesOfAStackKilledWithSigkillExpireWithoutGc() throws Exception {
        try (EtcdServer etcd = EtcdServer.running(Files.createDirectories(folder.resolve("etcd")));
             TeamRegistry beta = TeamRegistries.open(List.of(etcd.endpoint()), "death", "beta")) {
            TeamDevstack alpha = TeamDevstack.create(folder, List.of(etcd.endpoint()), "death", "alpha");
            new TestProject(projectDir).write("ports.yaml", """
                    services:
                      api: { command: "%s" }
                      web: { command: "%s" }
                    """.formatted(service("--listen"), service("--listen")));
            try (BackgroundUp up = BackgroundUp.start(projectDir, alpha.home(), alpha.environment())) {
                List<Integer> ports = List.of(up.service("api").ports().get(0), up.service("web").ports().get(0));

                long ready = System.nanoTime();
                Await.until(Duration.ofSeconds(30), "the stack's leases in etcd for twice their time to live while it runs",
                        () -> System.nanoTime() - ready > Duration.ofSeconds(4).toNanos() && portsOfAlpha(beta).containsAll(ports));
                up.up().signal("KILL");
                long killed = System.nanoTime();
                Await.until(GONE_WITHIN, "the leases of the killed devstack to expire", () -> portsOfAlpha(beta).isEmpty());

                assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("time from SIGKILL to no lease")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
    }

    /** The ports host alpha holds, as host beta reads them. */
    private static List<Integer> portsOfAlpha(TeamRegistry beta) {
        return beta.read(view -> view.remoteLeases()).stream().filter(remote -> remote.host().equals("alpha"))
                .map(RemoteLease::lease).map(Lease::port).toList();
    }
}
