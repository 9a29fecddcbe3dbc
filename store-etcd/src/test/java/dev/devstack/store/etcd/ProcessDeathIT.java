package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.Lease;
import dev.devstack.store.RegistryView;
import dev.devstack.store.TeamRegistry;
import dev.devstack.store.etcd.testing.Await;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A devstack killed with SIGKILL: its own leases vanish a TTL later, with nobody running gc. */
class ProcessDeathIT {

    private static final String HOST = "worker-host";

    @Test
    void theLeasesOfAKilledDevstackExpireAfterTheTtl(@TempDir Path folder) throws Exception {
        try (EtcdServer etcd = EtcdServer.running(folder);
             TeamRegistry observer = TeamRegistries.open(List.of(etcd.endpoint()), "death", HOST)) {
            Path out = folder.resolve("worker.out");
            Path err = folder.resolve("worker.err");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process worker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LeaseHolderWorker.class.getName(), etcd.endpoint().toString(), "death", HOST, "3")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                Await.until(Duration.ofSeconds(20), "the worker to hold its leases (" + out + ", " + err + ")",
                        () -> read(out).contains("holding 3"));
                assertThat(leases(observer)).extracting(Lease::pid).containsOnly(worker.pid(), 0L).hasSize(4);
                // Longer than the TTL: only the worker's keep-alive keeps them.
                Await.holds(TeamRegistries.TTL.plusSeconds(1), "the living worker's leases stay",
                        () -> leases(observer).size() == 4);

                worker.destroyForcibly();
                assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
                Await.until(TeamRegistries.TTL.plusSeconds(10), "the killed worker's leases to expire",
                        () -> leases(observer).stream().noneMatch(lease -> lease.pid() == worker.pid()));
                assertThat(leases(observer)).extracting(lease -> lease.owner().service())
                        .as("a claim by hand has no etcd lease: it stays until released")
                        .containsExactly(LeaseHolderWorker.MANUAL);
                assertThat(read(err)).as("nothing of jetcd, gRPC or Vert.x on stderr").isEmpty();
            } finally {
                worker.destroyForcibly();
            }
        }
    }

    private static List<Lease> leases(TeamRegistry registry) {
        return registry.read(RegistryView::leases);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
