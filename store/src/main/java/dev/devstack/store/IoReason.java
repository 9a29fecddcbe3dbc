package dev.devstack.store;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * Why the OS refused a file operation, in words ("permission denied", "read-only file system").
 * Java's own messages are no good for that: {@code FileSystemException.getMessage()} is often
 * just the path, and {@code AccessDeniedException} has no reason at all; so the message around
 * it names the file, and this supplies the reason.
 */
public record IoReason(Kind kind, String text) {

    /** What a user can do something about; the next step of a message depends on it. */
    public enum Kind { PERMISSION_DENIED, READ_ONLY, NO_SPACE, NOT_FOUND, NOT_A_FOLDER, IS_A_FOLDER, EXISTS, OTHER }

    /** The C library's texts (strerror) of the errors a user can act on. */
    private static final Map<String, IoReason> BY_OS_TEXT = Map.of(
            "permission denied", new IoReason(Kind.PERMISSION_DENIED, "permission denied"),
            "operation not permitted", new IoReason(Kind.PERMISSION_DENIED, "operation not permitted"),
            "read-only file system", new IoReason(Kind.READ_ONLY, "read-only file system"),
            "no space left on device", new IoReason(Kind.NO_SPACE, "disk full (no space left on device)"),
            "disk quota exceeded", new IoReason(Kind.NO_SPACE, "disk quota exceeded"),
            "no such file or directory", new IoReason(Kind.NOT_FOUND, "no such file or folder"),
            "not a directory", new IoReason(Kind.NOT_A_FOLDER, "not a folder"),
            "is a directory", new IoReason(Kind.IS_A_FOLDER, "it is a folder"),
            "file exists", new IoReason(Kind.EXISTS, "it already exists"));

    public static IoReason of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return BY_OS_TEXT.get("permission denied");
        }
        if (e instanceof NoSuchFileException) {
            return BY_OS_TEXT.get("no such file or directory");
        }
        if (e instanceof NotDirectoryException) {
            return BY_OS_TEXT.get("not a directory");
        }
        if (e instanceof FileAlreadyExistsException) {
            return BY_OS_TEXT.get("file exists");
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new IoReason(Kind.OTHER, "the folder is not empty");
        }
        if (e instanceof ClosedByInterruptException) {
            return new IoReason(Kind.OTHER, "interrupted");
        }
        if (e instanceof EOFException) {
            return new IoReason(Kind.OTHER, "the file ends too early");
        }
        String os = e instanceof FileSystemException files ? files.getReason() : e.getMessage();
        if (os == null) {
            return e.getCause() instanceof IOException cause ? of(cause)
                    : new IoReason(Kind.OTHER, "input/output error");
        }
        return fromOsText(e instanceof FileNotFoundException ? inParentheses(os) : os);
    }

    /** {@code FileNotFoundException}'s message is "PATH (REASON)". */
    private static String inParentheses(String message) {
        int open = message.lastIndexOf(" (");
        return open >= 0 && message.endsWith(")") ? message.substring(open + 2, message.length() - 1) : message;
    }

    private static IoReason fromOsText(String os) {
        String text = os.strip();
        IoReason known = BY_OS_TEXT.get(text.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return new IoReason(Kind.OTHER, text.isEmpty() ? "input/output error"
                : Character.toLowerCase(text.charAt(0)) + text.substring(1));
    }

    @Override
    public String toString() {
        return text;
    }
}
