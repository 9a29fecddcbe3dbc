package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mapdb.DBException;

/** Which of MapDB's exceptions mean a damaged file (moved aside) and which an I/O error (the file stays). */
class MapDbFailureTest {

    @Test
    void anIoErrorOfTheDiskIsNotDamage() {
        assertThat(MapDbFailure.of(new DBException.VolumeIOError(new IOException("No space left on device"))))
                .isEqualTo(new MapDbFailure.IoFailed(new IoReason(IoReason.Kind.NO_SPACE,
                        "disk full (no space left on device)")));
        assertThat(MapDbFailure.of(new DBException.VolumeIOError(new IOException("Read-only file system"))))
                .isEqualTo(new MapDbFailure.IoFailed(new IoReason(IoReason.Kind.READ_ONLY, "read-only file system")));
        assertThat(MapDbFailure.of(new DBException.VolumeIOError(new IOException("Input/output error"))))
                .isEqualTo(new MapDbFailure.IoFailed(new IoReason(IoReason.Kind.OTHER, "input/output error")));
        assertThat(MapDbFailure.of(new DBException.VolumeIOError(
                new IOException("Parent folder is not writable: /h/registry.db"))))
                .isEqualTo(new MapDbFailure.IoFailed(new IoReason(IoReason.Kind.PERMISSION_DENIED,
                        "permission denied on its folder")));
    }

    @Test
    void whatMapDbFindsWrongInTheFileIsDamage() {
        assertThat(MapDbFailure.of(new DBException.DataCorruption("File is empty")))
                .isEqualTo(new MapDbFailure.Damaged("it is empty"));
        assertThat(MapDbFailure.of(new DBException.PointerChecksumBroken()))
                .isEqualTo(new MapDbFailure.Damaged(
                        "its contents do not match their checksum: it was changed or cut short"));
        assertThat(MapDbFailure.of(new DBException.WrongFormat("Wrong file header, not MapDB file")))
                .isEqualTo(new MapDbFailure.Damaged("it is not a registry file: its header is wrong"));
        assertThat(MapDbFailure.of(new DBException.VolumeEOF(new EOFException())))
                .isEqualTo(MapDbFailure.CUT_SHORT);
        assertThat(MapDbFailure.of(new IndexOutOfBoundsException(1_050_384))).isEqualTo(MapDbFailure.CUT_SHORT);
        assertThat(MapDbFailure.of(new DamagedEntry("{} has no number `port`", null)))
                .isEqualTo(new MapDbFailure.Damaged("an entry cannot be read: {} has no number `port`"));
        assertThat(MapDbFailure.of(new IllegalStateException("something MapDB never said before")))
                .isEqualTo(new MapDbFailure.Damaged("MapDB cannot read it"));
    }
}
