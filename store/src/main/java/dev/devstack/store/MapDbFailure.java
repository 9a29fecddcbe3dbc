package dev.devstack.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Path;
import java.util.Optional;
import org.mapdb.DBException;

/**
 * What an exception out of MapDB says about the registry file, in words and without MapDB's class
 * names: the file is damaged (a new one may replace it), or the disk or folder under it failed
 * (disk full, read-only, no permission), which says nothing about the file and must not cost it.
 */
sealed interface MapDbFailure {

    /** {@code how}: what is wrong with the file, such as "it is empty". */
    record Damaged(String how) implements MapDbFailure {
        @Override
        public RegistryException exception(String doing, Path file, RuntimeException cause) {
            return new RegistryException("the port registry " + file + " is damaged (" + how + "); rename or delete"
                    + " it and devstack starts a new one (only the ports it remembered for your projects are"
                    + " forgotten)", cause);
        }
    }

    record IoFailed(IoReason reason) implements MapDbFailure {
        @Override
        public RegistryException exception(String doing, Path file, RuntimeException cause) {
            return RegistryException.io(doing, file, reason, cause);
        }
    }

    /** The error to report when this happened while {@code doing} something to {@code file} ("cannot save ..."). */
    RegistryException exception(String doing, Path file, RuntimeException cause);

    Damaged CUT_SHORT = new Damaged("it points past its own end: it was cut short or overwritten");

    static MapDbFailure of(RuntimeException e) {
        if (e instanceof DamagedEntry entry) {
            return new Damaged("an entry cannot be read: " + entry.getMessage());
        }
        if (e instanceof DBException.VolumeEOF) {
            return CUT_SHORT;
        }
        if (e instanceof DBException.Interrupted || e instanceof DBException.VolumeClosedByInterrupt) {
            return new IoFailed(new IoReason(IoReason.Kind.OTHER, "interrupted"));
        }
        if (e instanceof DBException.VolumeIOError) {
            return new IoFailed(ioCause(e).map(MapDbFailure::reason)
                    .orElse(new IoReason(IoReason.Kind.OTHER, "input/output error")));
        }
        if (e instanceof DBException.WrongFormat) {
            return new Damaged("it is not a registry file: its header is wrong");
        }
        if (e instanceof DBException.NewMapDBFormat) {
            return new Damaged("it was written by a newer MapDB than this devstack's");
        }
        if (e instanceof DBException.DataCorruption) {
            return new Damaged("File is empty".equals(e.getMessage()) ? "it is empty"
                    : "its contents do not match their checksum: it was changed or cut short");
        }
        if (e instanceof DBException.SerializationError) {
            return new Damaged("an entry cannot be decoded");
        }
        if (e instanceof IndexOutOfBoundsException || e instanceof BufferUnderflowException
                || e instanceof NegativeArraySizeException) {
            return CUT_SHORT;
        }
        // anything else MapDB throws on a file we may read and write means it cannot make sense of it
        return ioCause(e).<MapDbFailure>map(io -> new IoFailed(reason(io))).orElse(new Damaged("MapDB cannot read it"));
    }

    private static Optional<IOException> ioCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io && !(io instanceof EOFException)) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    /** MapDB checks the folder itself and says so in English, with the path: keep the words, drop the path. */
    private static IoReason reason(IOException io) {
        String message = String.valueOf(io.getMessage());
        if (message.startsWith("Parent folder does not exist")) {
            return new IoReason(IoReason.Kind.NOT_FOUND, "its folder does not exist");
        }
        if (message.startsWith("Parent folder is not")) {
            return new IoReason(IoReason.Kind.PERMISSION_DENIED, "permission denied on its folder");
        }
        return IoReason.of(io);
    }
}
