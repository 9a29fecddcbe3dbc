package dev.devstack.supervisor.project;

import dev.devstack.store.FilePermissions;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One `up` per project folder at a time: an exclusive lock on {@code .devstack/up.lock}, taken
 * before anything else is written and held for the whole run (the kernel lets go of it when the
 * process ends, however it ends). Holding it, an `up` may publish "starting" in run.json at once,
 * before its ports are claimed, without overwriting the state of another running `up`. The file
 * holds the holder's pid, for the message a second `up` gets. A folder that cannot be written
 * (read-only checkout) gets no lock: `up` runs there all the same, as it did before, with a warning.
 */
final class UpLock implements AutoCloseable {

    private static final String FILE = "up.lock";

    private static final UpLock NONE = new UpLock(null, null);

    private final FileChannel channel;
    private final FileLock lock;

    private UpLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static UpLock acquire(ProjectContext context, String project, long self, Consumer<String> warnings) {
        Path file = context.stateDir().resolve(FILE);
        FileChannel channel = null;
        try {
            FilePermissions.createPrivateDirectory(context.stateDir());
            channel = FilePermissions.openPrivate(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
                channel.close();
                throw DevstackException.alreadyRunning("`" + project + "` is already running from "
                        + context.projectDir() + (holder.isEmpty() ? "" : " (devstack pid " + holder + ")")
                        + "; `devstack down` stops it (from any terminal), or Ctrl-C in its own");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(self).getBytes(StandardCharsets.US_ASCII)), 0);
            return new UpLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            warnings.accept("cannot lock " + file + " (" + e.getMessage() + "); `devstack ports` will not see this"
                    + " stack until its ports are claimed");
            return NONE;
        }
    }

    /** Null when another process holds it (or, in tests, another `up` in this same JVM). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing was locked
        }
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
