package dev.devstack.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The registry could not be read or written. The message says what happened in words, names
 * the file once, and says what to do; it never holds a Java class name.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{@code doing} FILE: the OS's reason; the next step" ("cannot save the port registry /h/registry.db: ..."). */
    static RegistryException io(String doing, Path file, IOException e) {
        return io(doing, file, IoReason.of(e), e);
    }

    static RegistryException io(String doing, Path file, IoReason reason, Throwable cause) {
        return new RegistryException(doing + " " + file + ": " + reason.text() + "; " + nextStep(reason.kind()), cause);
    }

    private static String nextStep(IoReason.Kind kind) {
        return switch (kind) {
            case PERMISSION_DENIED -> "make sure the devstack home folder and its files belong to you (`ls -la`"
                    + " shows their owner), or set DEVSTACK_HOME to a folder you own";
            case READ_ONLY -> "set DEVSTACK_HOME to a folder on a writable file system";
            case NO_SPACE -> "free some space on that disk, or set DEVSTACK_HOME to a folder on another one";
            case NOT_FOUND -> "try again; if it happens again, set DEVSTACK_HOME to a folder you can write to";
            case NOT_A_FOLDER, EXISTS -> "set DEVSTACK_HOME to a folder you can write to";
            case IS_A_FOLDER -> "move that folder out of the way";
            case OTHER -> "try again; if it happens again, check the disk (`dmesg` lists I/O errors) or set"
                    + " DEVSTACK_HOME to a folder on another disk";
        };
    }
}
