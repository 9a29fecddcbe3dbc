package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.junit.jupiter.api.io.TempDir;

/** What only the MapDB file does; what every backend does is in {@link LeaseRegistryContract}. */
class MapDbLeaseRegistryTest {

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();

    private MapDbLeaseRegistry registry(Duration lockTimeout) {
        return new MapDbLeaseRegistry(home, lockTimeout, warnings::add, Clock.systemUTC());
    }

    private static Lease lease(String service, int port, long pid) {
        return new Lease(new LeaseOwner("/projects/shop", "default", service, ""), port, pid, 42L, "dev",
                Instant.ofEpochMilli(1_000));
    }

    /**
     * Every change after the first copies the file: the copy leaves MapDB's blocks of zeros out, so
     * that flushing it writes what the registry holds and not the 2 MiB MapDB starts a file with.
     */
    @Test
    void aChangedRegistryIsWrittenWithoutItsBlocksOfZeros() throws Exception {
        MapDbLeaseRegistry registry = registry(Duration.ofSeconds(5));
        for (int port = 4000; port < 4020; port++) {
            Lease lease = lease("api-" + port, port, 77);
            registry.update(tx -> {
                tx.putLease(lease);
                return null;
            });
        }

        Path file = home.resolve("registry.db");
        Process stat = new ProcessBuilder("stat", "-c", "%b %B %s", file.toString()).start();
        String[] blocks = new String(stat.getInputStream().readAllBytes()).strip().split(" ");
        assertThat(stat.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long allocated = Long.parseLong(blocks[0]) * Long.parseLong(blocks[1]);
        long size = Long.parseLong(blocks[2]);
        assertThat(size).isGreaterThanOrEqualTo(2L << 20);
        assertThat(allocated).isLessThan(size / 4);
        assertThat(registry(Duration.ofSeconds(5)).read(RegistryView::leases)).hasSize(20)
                .contains(lease("api-4000", 4000, 77), lease("api-4019", 4019, 77));
    }

    @Test
    void theHomeFolderAndTheRegistryFilesArePrivate() throws IOException {
        Path nested = home.resolve("state/devstack");
        new MapDbLeaseRegistry(nested, Duration.ofSeconds(5), warnings::add, Clock.systemUTC())
                .update(tx -> {
                    tx.putLease(lease("api", 4012, 77));
                    return null;
                });

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
        try (var files = Files.list(nested)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }
    }

    @Test
    void aRegistryLeftWithMapDbsWriteAheadLogKeepsWhatWasCommitted() throws IOException {
        Path old = Files.createDirectory(home.resolve("old"));
        Path oldFile = old.resolve(MapDbLeaseRegistry.DB_FILE);
        DB db = DBMaker.fileDB(oldFile.toFile()).transactionEnable().fileLockDisable().make();
        try {
            Map<String, String> leases = db.treeMap("leases", Serializer.STRING, Serializer.STRING).createOrOpen();
            Lease api = lease("api", 4012, 77);
            leases.put(new LeaseCodec().key(api.owner()), new LeaseCodec().encode(api));
            db.commit();
            Lease uncommitted = lease("web", 4013, 78);
            leases.put(new LeaseCodec().key(uncommitted.owner()), new LeaseCodec().encode(uncommitted));
            try (var files = Files.list(old)) {
                for (Path part : files.toList()) {
                    Files.copy(part, home.resolve(part.getFileName()));
                }
            }
        } finally {
            db.close();
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("a crash left the log")
                    .anyMatch(name -> name.startsWith("registry.db.wal."));
        }

        assertThat(registry(Duration.ofSeconds(5)).read(RegistryView::leases)).containsExactly(lease("api", 4012, 77));
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".wal."));
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aThreadThatNeverLetsGoMakesOthersFailSayingTheRegistryIsBusy() throws Exception {
        MapDbLeaseRegistry registry = registry(Duration.ofMillis(300));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = pool.submit(() -> registry.update(tx -> {
                inside.countDown();
                await(release);
                return null;
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> registry.read(RegistryView::leases))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("the port registry is busy: another devstack has held " + home.resolve("registry.lock")
                            + " for more than 300ms; try again, or end that process if it hangs");
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(registry.read(RegistryView::leases)).isEmpty();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
