package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.Lease;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RegistryView;
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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running `devstack up` whose team registry goes away: it keeps running, says so in its output,
 * says when the registry is back, and its leases are there again; a port someone else took while
 * etcd had forgotten the stack's lease is reported as a conflict and left to its new holder.
 */
class TeamRegistryOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration TWICE_TTL = Duration.ofSeconds(4);

    @TempDir
    Path folder;
    @TempDir
    Path projectDir;
    @TempDir
    Path elsewhere;

    @Test
    void aStackSaysWhenEtcdIsLostAndBackAndKeepsItsLeases() throws Exception {
        try (EtcdServer etcd = EtcdServer.running(Files.createDirectories(folder.resolve("etcd")));
             TeamRegistry beta = TeamRegistries.open(List.of(etcd.endpoint()), "outage", "beta")) {
            TeamDevstack alpha = TeamDevstack.create(folder, List.of(etcd.endpoint()), "outage", "alpha");
            new TestProject(projectDir).write("ports.yaml", """
                    services:
                      api: { command: "%s" }
                    """.formatted(service("--listen")));
            try (BackgroundUp up = BackgroundUp.start(projectDir, alpha.home(), alpha.environment())) {
                int api = up.service("api").ports().get(0);

                etcd.stop();
                up.up().awaitOutput("lost touch with the team registry etcd://127.0.0.1:" + etcd.clientPort()
                        + " (namespace outage) (", WAIT);
                etcd.start();
                up.up().awaitOutput("the team registry etcd://127.0.0.1:" + etcd.clientPort() + " (namespace outage) is back",
                        WAIT);

                assertThat(up.up().alive()).isTrue();
                long back = System.nanoTime();
                Await.until(WAIT, "the api's lease in etcd, kept alive for twice its time to live since etcd is back",
                        () -> System.nanoTime() - back > TWICE_TTL.toNanos() && holds(beta, api));
            }
        }
    }

    @Test
    void aPortTakenWhileTheStacksLeaseHadExpiredIsReportedAsAConflict() throws Exception {
        try (EtcdServer etcd = EtcdServer.running(Files.createDirectories(folder.resolve("etcd")));
             TeamRegistry beta = TeamRegistries.open(List.of(etcd.endpoint()), "conflict", "beta")) {
            TeamDevstack alpha = TeamDevstack.create(folder, List.of(etcd.endpoint()), "conflict", "alpha");
            // idle holds a port without listening on it, so that a claim of that port is not refused by the socket's owner
            new TestProject(projectDir).write("ports.yaml", """
                    services:
                      api: { command: "%s" }
                      idle: { command: "%s", ready: { log: up } }
                    """.formatted(service("--listen"), service("--print up")));
            try (BackgroundUp up = BackgroundUp.start(projectDir, alpha.home(), alpha.environment())) {
                int api = up.service("api").ports().get(0);
                int idle = up.service("idle").ports().get(0);

                // A devstack that cannot answer for longer than the time to live (a laptop asleep): etcd forgets its leases.
                up.up().signal("STOP");
                try {
                    Await.until(WAIT, "the stopped devstack's leases to expire", () -> leasesOfAlpha(beta).isEmpty());
                    DevstackProcess.Result thief = alpha.run(elsewhere, "claim", "--name", "thief", "--port",
                            String.valueOf(idle));
                    assertThat(thief.exitCode()).as("exit code; stderr: %s", thief.err()).isZero();
                    assertThat(thief.out().strip()).isEqualTo(String.valueOf(idle));
                } finally {
                    up.up().signal("CONT");
                }
                up.up().awaitOutput("taken by others meanwhile", WAIT);

                assertThat(up.up().out()).containsPattern("is back: [1-9]\\d* lease\\(s\\) recorded again; taken by others"
                        + " meanwhile, so not restored: port " + idle + " of idle of .* was taken by claim \"thief\"");
                Map<Integer, String> held = Await.value(WAIT, "the api's lease restored", () -> {
                    Map<Integer, String> now = leasesOfAlpha(beta);
                    return now.containsKey(api) ? now : null;
                });
                assertThat(held).containsEntry(idle, "thief").containsEntry(api, "api");
                assertThat(alpha.run(elsewhere, "history", "--port", String.valueOf(idle)).out())
                        .containsPattern("conflict +" + idle + " .*was taken by claim \"thief\"");
            }
        }
    }

    /** Whether host alpha holds {@code port}; false while beta's connection, cut with etcd, is not back yet. */
    private static boolean holds(TeamRegistry beta, int port) {
        try {
            return leasesOfAlpha(beta).containsKey(port);
        } catch (RegistryException notYet) {
            return false;
        }
    }

    /** Host alpha's leases as host beta reads them: port to the name of the service or claim. */
    private static Map<Integer, String> leasesOfAlpha(TeamRegistry beta) {
        return beta.read(RegistryView::remoteLeases).stream().filter(remote -> remote.host().equals("alpha"))
                .map(RemoteLease::lease).collect(Collectors.toMap(Lease::port, lease -> lease.owner().service()));
    }
}
