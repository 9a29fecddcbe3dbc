package dev.devstack.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mapdb.DB;
import org.mapdb.DBMaker;

/**
 * The registry's file on disk, and how it changes without ever being half-written.
 *
 * <p>MapDB's write-ahead log did not survive SIGKILL here: killing a claimer in the middle of its
 * writes, about one kill in forty-five left a store whose next write failed with "Broken bit
 * parity". So the file is never written in place. A change is made on a copy,
 * {@code registry.db.next}; the copy is closed cleanly, flushed to disk and renamed over
 * {@code registry.db} in one atomic step. A process killed at any moment leaves either the old
 * file or the new one, both whole, and a stale copy that the next operation deletes.
 *
 * <p>Callers hold the registry lock for as long as they use this class.
 */
final class RegistryFile {

    static final String DB_FILE = "registry.db";
    private static final String NEXT_FILE = DB_FILE + ".next";
    private static final String WAL_PREFIX = DB_FILE + ".wal.";
    private static final String ASIDE_MARK = ".corrupt-";
    /** The file system's block: a block of zeros is left out of the copy. */
    private static final int BLOCK = 4096;
    private static final int CHUNK = 64 * BLOCK;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(BLOCK).asReadOnlyBuffer();

    private final Path home;
    private final Consumer<String> warnings;
    private final Clock clock;

    RegistryFile(Path home, Consumer<String> warnings, Clock clock) {
        this.home = home;
        this.warnings = warnings;
        this.clock = clock;
    }

    Path path() {
        return home.resolve(DB_FILE);
    }

    /**
     * Opens the registry for reading: the file itself, read-only, or an empty in-memory store
     * when there is no file yet (or it was damaged and has just been moved aside).
     */
    DB openForReading() {
        prepare();
        Path file = path();
        if (Files.exists(file)) {
            try {
                return checked(DBMaker.fileDB(file.toFile()).fileMmapEnable().readOnly().fileLockDisable().make());
            } catch (RuntimeException e) {
                moveAsideIfDamaged("cannot read the port registry", e);
            }
        }
        return DBMaker.memoryDB().make();
    }

    /** Opens a working copy of the registry; {@link #replace} makes it the registry. */
    DB openCopy() {
        prepare();
        Path file = path();
        Path next = home.resolve(NEXT_FILE);
        if (!Files.exists(file)) {
            return openNew(next);
        }
        copy(file, next);
        try {
            return open(next);
        } catch (RuntimeException e) {
            deleteQuietly(next);
            moveAsideIfDamaged("cannot open a working copy of the port registry", e);
            return openNew(next);
        }
    }

    /**
     * Copies the registry without its blocks of zeros, which the copy leaves as holes (they read
     * back as zeros). MapDB's file is never smaller than 2 MiB, most of it zeros while the registry
     * is young, and flushing the copy to disk ({@link #replace}) costs in proportion to what was
     * written: 10 blocks of 512 in a new registry, 180 after 300 claims.
     */
    private static void copy(Path file, Path next) {
        try (FileChannel original = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel copy = FilePermissions.openPrivate(next, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long size = original.size();
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
            for (long at = 0; at < size; at += chunk.limit()) {
                chunk.clear();
                while (chunk.hasRemaining() && original.read(chunk, at + chunk.position()) > 0) {
                    // read until the chunk is full or the file ends
                }
                chunk.flip();
                if (!chunk.hasRemaining()) {
                    break;
                }
                for (int block = 0; block < chunk.limit(); block += BLOCK) {
                    ByteBuffer data = chunk.slice(block, Math.min(BLOCK, chunk.limit() - block));
                    if (data.mismatch(ZEROS.slice(0, data.limit())) != -1) {
                        write(copy, data, at + block);
                    }
                }
            }
            if (copy.size() < size) {
                write(copy, ByteBuffer.allocate(1), size - 1);
            }
        } catch (IOException e) {
            deleteQuietly(next);
            throw RegistryException.io("cannot copy the port registry", file, e);
        }
    }

    private static void write(FileChannel channel, ByteBuffer data, long at) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data, at + data.position());
        }
    }

    /** Makes a closed working copy the registry, or throws and leaves the registry as it was. */
    void replace() {
        Path next = home.resolve(NEXT_FILE);
        try {
            FilePermissions.makePrivate(next);
            try (FileChannel written = FileChannel.open(next, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(next, path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(next);
            throw RegistryException.io("cannot save the port registry", path(), e);
        }
        try (FileChannel folder = FileChannel.open(home, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // the change is made (the rename is done); only its survival of a power cut is less sure
        }
    }

    /** Drops a working copy that will not be used. */
    void discard() {
        deleteQuietly(home.resolve(NEXT_FILE));
    }

    private static DB open(Path file) {
        return checked(DBMaker.fileDB(file.toFile()).fileMmapEnable().fileSyncDisable().fileLockDisable().make());
    }

    /** A new, empty registry: nothing there can be damaged, so a failure is the disk's or the folder's. */
    private DB openNew(Path next) {
        try {
            return open(next);
        } catch (RuntimeException e) {
            deleteQuietly(next);
            if (MapDbFailure.of(e) instanceof MapDbFailure.IoFailed failed) {
                throw failed.exception("cannot create the port registry", path(), e);
            }
            throw e;
        }
    }

    private static DB checked(DB db) {
        try {
            RegistryMaps.touchAll(db);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Deletes what a killed process left (a working copy), checks access, and folds in the
     * write-ahead log of a registry written by devstack before it stopped using MapDB's
     * transactions.
     */
    private void prepare() {
        Path file = path();
        checkAccess(file);
        discard();
        if (walFiles().isEmpty()) {
            return;
        }
        try {
            DBMaker.fileDB(file.toFile()).transactionEnable().fileLockDisable().make().close();
        } catch (RuntimeException e) {
            moveAsideIfDamaged("cannot fold the write-ahead log into the port registry", e);
            return;
        }
        for (Path wal : walFiles()) {
            try {
                Files.deleteIfExists(wal);
            } catch (IOException e) {
                throw RegistryException.io("cannot delete the old write-ahead log", wal, e);
            }
        }
    }

    /** Opening for reading and writing changes nothing, and gives the OS's own reason when it is refused. */
    private static void checkAccess(Path file) {
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // readable and writable
        } catch (NoSuchFileException e) {
            // the first operation creates it
        } catch (IOException e) {
            throw RegistryException.io("cannot read and write the port registry", file, e);
        }
    }

    private List<Path> walFiles() {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(WAL_PREFIX) && !name.contains(ASIDE_MARK);
            }).toList();
        } catch (IOException e) {
            throw RegistryException.io("cannot list the devstack home folder", home, e);
        }
    }

    /**
     * Moves a damaged registry aside (MapDB reports damage in many ways, see {@link MapDbFailure});
     * a failure of the disk or the folder says nothing about the file, so it stays, and the
     * failure is reported instead.
     */
    private void moveAsideIfDamaged(String doing, RuntimeException e) {
        MapDbFailure failure = MapDbFailure.of(e);
        if (!(failure instanceof MapDbFailure.Damaged damaged)) {
            throw failure.exception(doing, path(), e);
        }
        moveAside(damaged, e);
    }

    /** Moves the registry (and any write-ahead log of it) aside, with a warning. */
    private void moveAside(MapDbFailure.Damaged damaged, RuntimeException cause) {
        Path file = path();
        String suffix = ASIDE_MARK + clock.millis();
        try {
            for (Path wal : walFiles()) {
                Files.move(wal, wal.resolveSibling(wal.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(file)) {
                Files.move(file, file.resolveSibling(DB_FILE + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new RegistryException("the port registry " + file + " is damaged (" + damaged.how() + ") and cannot"
                    + " be moved aside: " + IoReason.of(e).text() + "; rename or delete it by hand", cause);
        }
        warnings.accept("the port registry " + file + " was damaged (" + damaged.how() + "); moved it aside to "
                + DB_FILE + suffix + " and started a new one. Ports remembered for your projects are forgotten;"
                + " running stacks keep their ports");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale copy is truncated before it is used again
        }
    }
}
