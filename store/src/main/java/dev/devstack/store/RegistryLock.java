package dev.devstack.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock around every registry operation: an OS file lock for other processes and
 * an in-JVM lock for other threads (file locks are held per process, so a second thread of the
 * same JVM would otherwise get {@code OverlappingFileLockException} instead of waiting).
 * The holder writes its pid into the lock file so that a timeout can name it.
 */
final class RegistryLock {

    /** One lock per lock file in this JVM, like the OS lock it stands in front of. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 5;

    private RegistryLock() {
    }

    static Held acquire(Path lockFile, Duration timeout) {
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile, f -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!threads.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(lockFile, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(lockFile, e);
        }
        FileChannel channel = null;
        try {
            channel = FilePermissions.openPrivate(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (System.nanoTime() > deadline) {
                    throw busy(lockFile, timeout, holderOf(channel));
                }
                Thread.sleep(POLL_MILLIS);
            }
            writeHolder(channel);
            return new Held(threads, channel, lock);
        } catch (IOException e) {
            close(channel);
            threads.unlock();
            throw RegistryException.io("cannot take the registry lock", lockFile, e);
        } catch (InterruptedException e) {
            close(channel);
            threads.unlock();
            Thread.currentThread().interrupt();
            throw interrupted(lockFile, e);
        } catch (RuntimeException e) {
            close(channel);
            threads.unlock();
            throw e;
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
    }

    /** The pid the holder wrote, if it has written it yet (it writes right after locking). */
    private static OptionalLong holderOf(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int n = channel.read(buffer, 0);
            return n <= 0 ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static RegistryException interrupted(Path lockFile, InterruptedException e) {
        return new RegistryException("interrupted while waiting for the registry lock " + lockFile
                + "; nothing was changed: run the command again", e);
    }

    private static RegistryException busy(Path lockFile, Duration timeout) {
        return busy(lockFile, timeout, OptionalLong.empty());
    }

    private static RegistryException busy(Path lockFile, Duration timeout, OptionalLong holder) {
        String who = holder.isPresent() ? "another devstack (pid " + holder.getAsLong() + ")" : "another devstack";
        String waited = timeout.toMillis() < 1000 ? timeout.toMillis() + "ms" : timeout.toSeconds() + "s";
        return new RegistryException("the port registry is busy: " + who + " has held " + lockFile
                + " for more than " + waited + "; try again, or end that process if it hangs");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release: closing the channel also drops the OS lock
            }
        }
    }

    /** A held lock; closing it releases the OS lock first, then the in-JVM one. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock threads;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(ReentrantLock threads, FileChannel channel, FileLock lock) {
            this.threads = threads;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it as well
            } finally {
                RegistryLock.close(channel);
                threads.unlock();
            }
        }
    }
}
