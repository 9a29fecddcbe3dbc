package dev.devstack.app;

import dev.devstack.store.FilePermissions;
import dev.devstack.store.IoReason;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final UpLock NONE = new UpLock(null, null, null);
    /**
     * The files this JVM holds locked. A lock belongs to the process, and closing any descriptor
     * of the file lets go of it, so a second `up` in one JVM (tests) must not even open the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private UpLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static UpLock acquire(ProjectContext context, String project, long self, Consumer<String> warnings) {
        Path file = context.stateDir().resolve(FILE);
        if (!HELD.add(file)) {
            throw alreadyRunning(context, project, OptionalLong.of(self));
        }
        FileChannel channel = null;
        try {
            FilePermissions.createPrivateDirectory(context.stateDir());
            channel = FilePermissions.openPrivate(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                OptionalLong holder = holderOf(file);
                channel.close();
                HELD.remove(file);
                throw alreadyRunning(context, project, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(self).getBytes(StandardCharsets.US_ASCII)), 0);
            return new UpLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(file);
            warnings.accept("cannot lock " + file + " (" + IoReason.of(e) + "); this `up` runs without it:"
                    + " `devstack ports` elsewhere sees the stack only once it runs");
            return NONE;
        }
    }

    /** The pid the holding `up` wrote, if it has written it yet (it writes right after locking). */
    private static OptionalLong holderOf(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.ISO_8859_1).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static DevstackException alreadyRunning(ProjectContext context, String project, OptionalLong holder) {
        return DevstackException.alreadyRunning("`" + project + "` is already running from " + context.projectDir()
                + (holder.isPresent() ? " (devstack pid " + holder.getAsLong() + ")" : "")
                + "; `devstack attach` shows its dashboard here, `devstack down` stops it (from any terminal), or Ctrl-C"
                + " in its own");
    }

    /** Whether this `up` holds the folder's lock (it does not in a folder it cannot write). */
    boolean held() {
        return channel != null;
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
        } finally {
            HELD.remove(file);
        }
    }
}
