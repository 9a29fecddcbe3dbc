package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.store.Lease;
import dev.devstack.store.RegistryView;
import dev.devstack.store.RemoteLease;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.EtcdCluster;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight devstacks as four hosts (two each, by DEVSTACK_HOST) claim fifty ports each at once on a
 * three-member etcd cluster, and the cluster's leader is killed with SIGKILL a third of the way
 * through: every claim that answered is in etcd afterwards, with its port, and no host holds a port
 * twice. A claim whose member died under it fails and is asked again (see {@link TeamClaimWorker}).
 */
class TeamClaimsIT {

    private static final int HOSTS = 4;
    private static final int WORKERS = 8;
    private static final int CLAIMS = 50;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path folder;
    @TempDir
    Path workDir;

    @Test
    void fourHundredClaimsOnFourHostsAreKeptWithoutADuplicatePortWhenTheLeaderDies() throws Exception {
        List<Process> workers = new ArrayList<>();
        try (EtcdCluster cluster = EtcdCluster.start(Files.createDirectories(folder.resolve("etcd")));
             TeamRegistry observer = TeamRegistries.open(cluster.endpoints(), "fleet", "observer")) {
            List<TeamDevstack> hosts = new ArrayList<>();
            for (int h = 0; h < HOSTS; h++) {
                hosts.add(TeamDevstack.create(folder, cluster.endpoints(), "fleet", "host-" + h));
            }
            for (int w = 0; w < WORKERS; w++) {
                workers.add(worker(hosts.get(w % HOSTS), "w" + w));
            }
            Await.until(WAIT, "a third of the claims before the kill", () -> said().size() >= WORKERS * CLAIMS / 3);
            EtcdServer leader = leader(cluster);
            leader.kill();
            int beforeKill = said().size();
            for (int w = 0; w < WORKERS; w++) {
                Process worker = workers.get(w);
                assertThat(worker.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("w%d finished", w).isTrue();
                assertThat(worker.exitValue()).as("exit code of w%d, which said: %s", w, read("w" + w + ".err")).isZero();
            }

            Map<String, Integer> said = said();
            System.out.printf("TeamClaimsIT: %d claims answered before the leader was killed; claims that failed and"
                    + " were asked again: %d%n", beforeKill, failures());
            assertThat(beforeKill).as("claims answered when the leader was killed").isLessThan(WORKERS * CLAIMS);
            assertThat(said).hasSize(WORKERS * CLAIMS);
            for (int h = 0; h < HOSTS; h++) {
                Map<String, Integer> ofHost = new HashMap<>();
                for (int w = h; w < WORKERS; w += HOSTS) {
                    ofHost.putAll(said("w" + w));
                }
                List<Lease> leases = leases(observer, hosts.get(h).host());
                assertThat(leases).extracting(Lease::port).as("ports held on host-%d", h).doesNotHaveDuplicates();
                Map<String, Integer> stored = new HashMap<>();
                leases.forEach(lease -> stored.put(lease.owner().service(), lease.port()));
                assertThat(stored).as("the leases of host-%d in etcd against what its claims answered", h).isEqualTo(ofHost);
            }
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private Process worker(TeamDevstack host, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp", System.getProperty("java.class.path"),
                TeamClaimWorker.class.getName(), name, String.valueOf(CLAIMS)).directory(workDir.toFile())
                .redirectOutput(folder.resolve(name + ".out").toFile()).redirectError(folder.resolve(name + ".err").toFile());
        builder.environment().putAll(host.environment());
        builder.environment().put("DEVSTACK_HOME", host.home().toString());
        return builder.start();
    }

    /** Every claim the workers said returned: lease name to port. */
    private Map<String, Integer> said() {
        Map<String, Integer> all = new HashMap<>();
        for (int w = 0; w < WORKERS; w++) {
            all.putAll(said("w" + w));
        }
        return all;
    }

    private Map<String, Integer> said(String worker) {
        Map<String, Integer> ports = new HashMap<>();
        for (String line : read(worker + ".out").split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 2) {
                ports.put(parts[1], Integer.parseInt(parts[0]));
            }
        }
        return ports;
    }

    /** The claims the workers had to ask again (their etcd member died under them), as their stderr says. */
    private long failures() {
        long failed = 0;
        for (int w = 0; w < WORKERS; w++) {
            failed += read("w" + w + ".err").lines().filter(line -> line.startsWith("failed: ")).count();
        }
        return failed;
    }

    private String read(String file) {
        try {
            return Files.exists(folder.resolve(file)) ? Files.readString(folder.resolve(file)) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The leases of {@code host}, as another host reads them: through a connection opened before the
     * workers, which on two busy cores could keep a cold JVM's first call past the registry's 5 s.
     */
    private static List<Lease> leases(TeamRegistry observer, String host) {
        return observer.read(RegistryView::remoteLeases).stream().filter(remote -> remote.host().equals(host))
                .map(RemoteLease::lease).toList();
    }

    /** The member that leads the cluster now, as etcd's status says (the gRPC gateway's JSON). */
    private static EtcdServer leader(EtcdCluster cluster) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectMapper json = new ObjectMapper();
        for (EtcdServer member : cluster.members()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(member.endpoint()
                    .resolve("/v3/maintenance/status")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode status = json.readTree(response.body());
            if (status.path("leader").asText().equals(status.path("header").path("member_id").asText())) {
                return member;
            }
        }
        throw new AssertionError("no member says it leads the cluster");
    }
}
