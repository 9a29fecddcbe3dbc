package dev.devstack.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files devstack writes are private to the user: folders 0700, files 0600 (the registry, and each project's state). */
public final class FilePermissions {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    private FilePermissions() {
    }

    /** Creates {@code dir} 0700, and each of its missing parents the same way. */
    public static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectory(parent);
        }
        try {
            if (POSIX) {
                FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(PRIVATE_DIR);
                Files.createDirectory(dir, mode);
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(dir)) {
                throw raced;
            }
            // another devstack created it at the same moment
        }
    }

    public static FileChannel openPrivate(Path file, OpenOption... options) throws IOException {
        if (POSIX) {
            return FileChannel.open(file, Set.of(options), PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        }
        return FileChannel.open(file, options);
    }

    public static void makePrivate(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, PRIVATE_FILE);
        }
    }
}
