package dev.devstack.app.init;

import dev.devstack.store.FilePermissions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes the ports.yaml init made, 0600 as every file devstack writes. */
public final class PortsYamlFile {

    private PortsYamlFile() {
    }

    /**
     * @param replace whether an existing file may be replaced (`--force`); without it, a file that
     *                appeared since the caller looked makes this fail with FileAlreadyExistsException
     */
    public static void write(Path file, String text, boolean replace) throws IOException {
        StandardOpenOption create = replace ? StandardOpenOption.CREATE : StandardOpenOption.CREATE_NEW;
        try (FileChannel channel = FilePermissions.openPrivate(file, StandardOpenOption.WRITE, create,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        // A file that existed keeps its mode through openPrivate; the one init writes is private either way.
        FilePermissions.makePrivate(file);
    }
}
