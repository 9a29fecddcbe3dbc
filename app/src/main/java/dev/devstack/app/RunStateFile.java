package dev.devstack.app;

import dev.devstack.store.FilePermissions;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Reads and writes {@code .devstack/run.json}; a write replaces the file atomically, so readers never see half of one. */
public final class RunStateFile {

    private static final String FILE = "run.json";

    private final Path dir;

    public RunStateFile(Path stateDir) {
        this.dir = stateDir;
    }

    public Path path() {
        return dir.resolve(FILE);
    }

    /** The stack as {@code snapshot} shows it, run by the supervisor with that pid and start time, serving its API there. */
    public void write(StackSnapshot snapshot, long supervisorPid, long supervisorStart, Optional<String> apiUrl)
            throws IOException {
        FilePermissions.createPrivateDirectory(dir);
        Path temporary = dir.resolve(FILE + "." + supervisorPid + ".tmp");
        byte[] bytes = RunStateJson.write(snapshot, supervisorPid, supervisorStart, apiUrl);
        try (FileChannel channel = FilePermissions.openPrivate(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes));
        }
        Files.move(temporary, path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The state last written, if the file is there and readable. */
    public Optional<RunState> read() {
        try {
            return Optional.of(RunStateJson.read(Files.readAllBytes(path())));
        } catch (IOException | RuntimeException missingOrDamaged) {
            return Optional.empty();
        }
    }

    /** Removes the file if it still describes the given supervisor. */
    public void deleteIfOwnedBy(long supervisorPid) {
        read().filter(state -> state.supervisorPid() == supervisorPid).ifPresent(state -> {
            try {
                Files.deleteIfExists(path());
            } catch (IOException ignored) {
                // a stale file is recognised by its dead supervisor pid
            }
        });
    }
}
