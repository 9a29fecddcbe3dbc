package dev.devstack.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * The embedded registry: one MapDB file, {@code registry.db}, in the devstack home folder.
 *
 * <p>MapDB allows one process per file, takes no lock in read-only mode and does not replay its
 * write-ahead log there, so every operation takes our own exclusive lock, opens the file with
 * transactions, works, commits, closes and unlocks. Nothing keeps the file open in between.
 */
public final class MapDbLeaseRegistry implements LeaseRegistry {

    static final String DB_FILE = "registry.db";
    static final String LOCK_FILE = "registry.lock";
    static final String LEASES = "leases";
    static final String STICKY = "sticky";
    static final String PROCESSES = "processes";

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
            DB db = DBMaker.memoryDB().transactionEnable().make();
            try {
                leases(db).put("warm", "up");
                db.commit();
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
    public <T> T read(Function<RegistryView, T> work) {
        return withDatabase(db -> {
            T result = work.apply(new MapDbTransaction(codec, leases(db), sticky(db), processes(db)));
            db.rollback();
            return result;
        });
    }

    @Override
    public <T> T update(Function<RegistryTransaction, T> work) {
        return withDatabase(db -> {
            T result;
            try {
                result = work.apply(new MapDbTransaction(codec, leases(db), sticky(db), processes(db)));
            } catch (RuntimeException | Error e) {
                db.rollback();
                throw e;
            }
            db.commit();
            return result;
        });
    }

    private <T> T withDatabase(Function<DB, T> work) {
        try {
            FilePermissions.createPrivateDirectory(home);
        } catch (IOException e) {
            throw new RegistryException("cannot create the devstack home folder " + home + ": " + e.getMessage()
                    + "; set DEVSTACK_HOME to a writable folder", e);
        }
        try (RegistryLock.Held ignored = RegistryLock.acquire(home.resolve(LOCK_FILE), lockTimeout)) {
            DB db = open();
            try {
                return work.apply(db);
            } finally {
                db.close();
                makeFilesPrivate();
            }
        }
    }

    private DB open() {
        Path file = file();
        checkAccess(file);
        try {
            return openAndCheck(file);
        } catch (DBException.FileLocked e) {
            throw new RegistryException(file + " is open in another program; close it and try again", e);
        } catch (RuntimeException e) {
            // MapDB reports a damaged file in many ways (DataCorruption, WrongFormat, array index
            // and size errors); access problems were ruled out above, so treat them all alike.
            Path aside = moveAside(file);
            warnings.accept("the port registry " + file + " was unreadable (" + describe(e) + "); moved it to "
                    + aside + " and started a new one. Ports remembered for your projects are forgotten;"
                    + " running stacks keep their ports");
            return openAndCheck(file);
        }
    }

    /** Opens the file and touches both maps, so that a damaged file fails here and not mid-operation. */
    private DB openAndCheck(Path file) {
        DB db = DBMaker.fileDB(file.toFile()).transactionEnable().make();
        try {
            leases(db).size();
            sticky(db).size();
            processes(db).size();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private void checkAccess(Path file) {
        if (Files.exists(file) && !(Files.isReadable(file) && Files.isWritable(file))) {
            throw new RegistryException("cannot read and write " + file + "; check its owner and mode (it should be"
                    + " yours, mode 0600), or set DEVSTACK_HOME to another folder");
        }
    }

    private Path moveAside(Path file) {
        String suffix = ".corrupt-" + clock.millis();
        Path aside = file.resolveSibling(file.getFileName() + suffix);
        try (Stream<Path> files = Files.list(home)) {
            for (Path part : (Iterable<Path>) files.filter(this::isDatabaseFile)::iterator) {
                Files.move(part, part.resolveSibling(part.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new RegistryException("the port registry " + file + " is unreadable and could not be moved aside ("
                    + e.getMessage() + "); move or delete it by hand", e);
        }
        return aside;
    }

    private boolean isDatabaseFile(Path path) {
        String name = path.getFileName().toString();
        return name.equals(DB_FILE) || (name.startsWith(DB_FILE + ".wal.") && !name.contains(".corrupt-"));
    }

    private void makeFilesPrivate() {
        try (Stream<Path> files = Files.list(home)) {
            for (Path part : (Iterable<Path>) files.filter(this::isDatabaseFile)::iterator) {
                FilePermissions.makePrivate(part);
            }
        } catch (IOException e) {
            warnings.accept("could not make " + home + " private (" + e.getMessage() + ")");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static BTreeMap<String, String> leases(DB db) {
        return db.treeMap(LEASES, Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    private static BTreeMap<String, String> sticky(DB db) {
        return db.treeMap(STICKY, Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    private static BTreeMap<String, String> processes(DB db) {
        return db.treeMap(PROCESSES, Serializer.STRING, Serializer.STRING).createOrOpen();
    }
}
