package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OS's reason in words, from the exceptions Java really throws (made here by real file
 * operations where a test can make them; by hand where it needs a read-only or full disk, or a
 * user that file modes stop). Never the path, never a class name.
 */
class IoReasonTest {

    @TempDir
    Path dir;

    private static IoReason reasonOf(ThrowingCall call) {
        return IoReason.of(catchThrowableOfType(IOException.class, call::run));
    }

    private interface ThrowingCall {
        void run() throws IOException;
    }

    @Test
    void aMissingFile() {
        IoReason reason = reasonOf(() -> Files.readAllBytes(dir.resolve("missing")));

        assertThat(reason).isEqualTo(new IoReason(IoReason.Kind.NOT_FOUND, "no such file or folder"));
    }

    @Test
    void aFileWhereAFolderShouldBe() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");

        assertThat(reasonOf(() -> Files.newDirectoryStream(file).close()))
                .isEqualTo(new IoReason(IoReason.Kind.NOT_A_FOLDER, "not a folder"));
        assertThat(reasonOf(() -> Files.writeString(file.resolve("child"), "")))
                .isEqualTo(new IoReason(IoReason.Kind.NOT_A_FOLDER, "not a folder"));
    }

    @Test
    void aFolderWhereAFileShouldBe() {
        assertThat(reasonOf(() -> FileChannel.open(dir, StandardOpenOption.WRITE).close()))
                .isEqualTo(new IoReason(IoReason.Kind.IS_A_FOLDER, "it is a folder"));
        assertThat(reasonOf(() -> new FileOutputStream(dir.toFile()).close()))
                .isEqualTo(new IoReason(IoReason.Kind.IS_A_FOLDER, "it is a folder"));
    }

    @Test
    void somethingAlreadyThere() {
        assertThat(reasonOf(() -> Files.createDirectory(dir)))
                .isEqualTo(new IoReason(IoReason.Kind.EXISTS, "it already exists"));
    }

    @Test
    void whatJavaSaysWhenTheOsRefuses() {
        assertThat(IoReason.of(new AccessDeniedException("/h/registry.lock")))
                .isEqualTo(new IoReason(IoReason.Kind.PERMISSION_DENIED, "permission denied"));
        assertThat(IoReason.of(new FileNotFoundException("/h/registry.db (Permission denied)")))
                .isEqualTo(new IoReason(IoReason.Kind.PERMISSION_DENIED, "permission denied"));
        assertThat(IoReason.of(new FileSystemException("/h/registry.lock", null, "Read-only file system")))
                .isEqualTo(new IoReason(IoReason.Kind.READ_ONLY, "read-only file system"));
        assertThat(IoReason.of(new IOException("No space left on device")))
                .isEqualTo(new IoReason(IoReason.Kind.NO_SPACE, "disk full (no space left on device)"));
        assertThat(IoReason.of(new FileSystemException("/h/registry.db.next", null, "Disk quota exceeded")))
                .isEqualTo(new IoReason(IoReason.Kind.NO_SPACE, "disk quota exceeded"));
        assertThat(IoReason.of(new IOException("Input/output error")))
                .isEqualTo(new IoReason(IoReason.Kind.OTHER, "input/output error"));
        assertThat(IoReason.of(new IOException(null, new IOException("No space left on device"))).kind())
                .isEqualTo(IoReason.Kind.NO_SPACE);
        assertThat(IoReason.of(new IOException()))
                .isEqualTo(new IoReason(IoReason.Kind.OTHER, "input/output error"));
    }
}
