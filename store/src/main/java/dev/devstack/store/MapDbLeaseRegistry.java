package dev.devstack.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mapdb.DB;
import org.mapdb.DBMaker;

/**
 * The embedded registry: one MapDB file, {@code registry.db}, in the devstack home folder.
 *
 * <p>MapDB allows one process per file and takes no lock in read-only mode, so every operation
 * takes our own exclusive lock, opens the file, works, closes and unlocks; a change is written to
 * a copy that replaces the file atomically ({@link RegistryFile}). Nothing keeps the file open in
 * between.
 */
public final class MapDbLeaseRegistry implements LeaseRegistry {

    static final String DB_FILE = RegistryFile.DB_FILE;
    static final String LOCK_FILE = "registry.lock";

    private final Path home;
    private final Duration lockTimeout;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final LeaseCodec codec = new LeaseCodec();

    /**
     * @param warnings receives one line per event the user should know about, such as a
     *                 corrupt registry that was moved aside and rebuilt
     */
    public MapDbLeaseRegistry(Path home, Duration lockTimeout, Consumer<String> warnings, Clock clock) {
        this.home = home;
        this.lockTimeout = lockTimeout;
        this.warnings = warnings;
        this.clock = clock;
    }

    /**
     * Loads and initialises MapDB's classes (its serializers, Kotlin and Guava parts) on a daemon
     * thread with an in-memory database, so that the first real operation, usually right after a
     * command has parsed its configuration, does not pay for that on the critical path.
     */
    public static void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            DB db = DBMaker.memoryDB().make();
            try {
                RegistryMaps.map(db, RegistryMaps.LEASES).put("warm", "up");
            } finally {
                db.close();
            }
        }, "devstack-registry-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    public Path file() {
        return home.resolve(DB_FILE);
    }

    @Override
    public String describe() {
        return "the port registry " + file();
    }

    @Override
    public <T> T read(Function<RegistryView, T> work) {
        return locked(file -> {
            DB db = file.openForReading();
            try {
                return work.apply(transaction(db, file.path()));
            } finally {
                db.close();
            }
        });
    }

    @Override
    public <T> T update(Function<RegistryTransaction, T> work) {
        return locked(file -> {
            DB db = file.openCopy();
            T result;
            try {
                result = work.apply(transaction(db, file.path()));
            } catch (RuntimeException | Error e) {
                db.close();
                file.discard();
                throw e;
            }
            try {
                db.close();
            } catch (RuntimeException e) {
                file.discard();
                throw MapDbFailure.of(e).exception("cannot save the port registry", file.path(), e);
            }
            file.replace();
            return result;
        });
    }

    private MapDbTransaction transaction(DB db, Path file) {
        return new MapDbTransaction(codec, file, RegistryMaps.map(db, RegistryMaps.LEASES),
                RegistryMaps.map(db, RegistryMaps.STICKY), RegistryMaps.map(db, RegistryMaps.PROCESSES),
                RegistryMaps.map(db, RegistryMaps.EVENTS));
    }

    private <T> T locked(Function<RegistryFile, T> work) {
        createHome();
        try (RegistryLock.Held ignored = RegistryLock.acquire(home.resolve(LOCK_FILE), lockTimeout)) {
            return work.apply(new RegistryFile(home, warnings, clock));
        }
    }

    private void createHome() {
        try {
            FilePermissions.createPrivateDirectory(home);
        } catch (IOException e) {
            Optional<Path> file = fileInTheWay();
            if (file.isPresent()) {
                throw new RegistryException("cannot create the devstack home folder " + home + ": "
                        + (file.get().equals(home) ? "it is" : file.get() + " is") + " a file, not a folder;"
                        + " set DEVSTACK_HOME to a folder you can write to", e);
            }
            throw RegistryException.io("cannot create the devstack home folder", home, e);
        }
    }

    /** The home folder, or the nearest path above it that exists, when that is not a folder. */
    private Optional<Path> fileInTheWay() {
        for (Path path = home; path != null; path = path.getParent()) {
            if (Files.exists(path)) {
                return Files.isDirectory(path) ? Optional.empty() : Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
