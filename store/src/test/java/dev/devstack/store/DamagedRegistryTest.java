package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Each way a registry file is found damaged, and what the user is told: in words, the file named
 * once, and either what devstack did about it (moved aside) or what to do.
 */
class DamagedRegistryTest {

    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path home;

    private final List<String> warnings = new ArrayList<>();

    private MapDbLeaseRegistry registry() {
        return new MapDbLeaseRegistry(home, Duration.ofSeconds(5), warnings::add,
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    private Path file() {
        return home.resolve("registry.db");
    }

    private static Lease lease(String service, int port) {
        return new Lease(new LeaseOwner("/projects/shop", "default", service, ""), port, 77, 42L, "dev",
                Instant.ofEpochMilli(1_000));
    }

    /** A registry with one lease, then {@code damage} applied to its bytes. */
    private void damaged(UnaryOperator<byte[]> damage) throws IOException {
        registry().update(tx -> {
            tx.putLease(lease("api", 4012));
            return null;
        });
        Files.write(file(), damage.apply(Files.readAllBytes(file())));
    }

    private String movedAside(String how) {
        return "the port registry " + file() + " was damaged (" + how + "); moved it aside to registry.db.corrupt-"
                + NOW + " and started a new one. Ports remembered for your projects are forgotten; running stacks"
                + " keep their ports";
    }

    /** The damaged file is aside under the name the warning gave, and a new registry works. */
    private void assertStartedAfresh() {
        assertThat(home.resolve("registry.db.corrupt-" + NOW)).exists();
        registry().update(tx -> {
            tx.putLease(lease("web", 4013));
            return null;
        });
        assertThat(registry().read(RegistryView::leases)).extracting(Lease::port).containsExactly(4013);
    }

    @Test
    void aFileOfGarbageIsNotARegistryFile() throws IOException {
        damaged(bytes -> {
            byte[] garbage = new byte[4096];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) (i * 31 + 7);
            }
            return garbage;
        });

        assertThat(registry().read(RegistryView::leases)).isEmpty();

        assertThat(warnings).containsExactly(movedAside("it is not a registry file: its header is wrong"));
        assertStartedAfresh();
    }

    @Test
    void aFileCutShortPointsPastItsEnd() throws IOException {
        damaged(bytes -> Arrays.copyOf(bytes, 100));

        assertThat(registry().read(RegistryView::leases)).isEmpty();

        assertThat(warnings).containsExactly(movedAside("it points past its own end: it was cut short or overwritten"));
        assertStartedAfresh();
    }

    @Test
    void aFileCutShortFailsItsChecksumWhenAChangeOpensIt() throws IOException {
        damaged(bytes -> Arrays.copyOf(bytes, 100));

        registry().update(tx -> {
            tx.putLease(lease("web", 4013));
            return null;
        });

        assertThat(warnings).containsExactly(
                movedAside("its contents do not match their checksum: it was changed or cut short"));
        assertThat(registry().read(RegistryView::leases)).extracting(Lease::port).containsExactly(4013);
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() throws IOException {
        damaged(bytes -> new byte[0]);

        assertThat(registry().read(RegistryView::leases)).isEmpty();

        assertThat(warnings).containsExactly(movedAside("it is empty"));
        assertStartedAfresh();
    }

    @Test
    void overwrittenBytesBreakTheChecksum() throws IOException {
        damaged(bytes -> {
            for (int i = 16; i < 64; i++) {
                bytes[i] ^= 0x5a;
            }
            return bytes;
        });

        assertThat(registry().read(RegistryView::leases)).isEmpty();

        assertThat(warnings).containsExactly(
                movedAside("its contents do not match their checksum: it was changed or cut short"));
        assertStartedAfresh();
    }

    @Test
    void aTextFileInItsPlaceIsDamagedToo() throws IOException {
        damaged(bytes -> "hello\n".getBytes());

        assertThat(registry().read(RegistryView::leases)).isEmpty();

        assertThat(warnings).containsExactly(movedAside("it points past its own end: it was cut short or overwritten"));
        assertStartedAfresh();
    }

    @Test
    void anEntryDevstackCannotDecodeNamesTheFileAndSaysWhatToDo() {
        DB db = DBMaker.fileDB(file().toFile()).fileMmapEnable().make();
        try {
            db.treeMap("leases", Serializer.STRING, Serializer.STRING).createOrOpen()
                    .put(new LeaseCodec().key(lease("api", 0).owner()), "{\"port\":\"x\"}");
        } finally {
            db.close();
        }

        assertThatThrownBy(() -> registry().read(RegistryView::leases))
                .isInstanceOf(RegistryException.class)
                .hasMessage("the port registry " + file() + " is damaged (an entry cannot be read: {\"port\":\"x\"}"
                        + " has no number `port`); rename or delete it and devstack starts a new one (only the ports"
                        + " it remembered for your projects are forgotten)");
        assertThat(file()).exists();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aWorkingCopyLeftByAKilledWriterIsNeverRead() throws IOException {
        damaged(bytes -> bytes);
        Path copy = home.resolve("registry.db.next");
        Files.write(copy, new byte[] {1, 2, 3});

        assertThat(registry().read(RegistryView::leases)).extracting(Lease::port).containsExactly(4012);
        registry().update(tx -> {
            tx.putLease(lease("web", 4013));
            return null;
        });

        assertThat(registry().read(RegistryView::leases)).extracting(Lease::port).containsExactlyInAnyOrder(4012, 4013);
        assertThat(copy).doesNotExist();
        assertThat(warnings).isEmpty();
    }
}
