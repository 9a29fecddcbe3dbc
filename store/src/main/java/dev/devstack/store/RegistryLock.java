package dev.devstack.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock around every registry operation: an OS file lock for other processes and
 * an in-JVM lock for other threads (file locks are held per process, so a second thread of the
 * same JVM would otherwise get {@code OverlappingFileLockException} instead of waiting).
 * The holder writes its pid into the lock file so that a timeout can name it.
 *
 * <p>A process that finds the file lock taken waits for it in the kernel ({@code F_SETLKW}), which
 * wakes it as soon as the holder lets go. Polling with {@code tryLock} every few milliseconds let a
 * process that claims in a loop take the lock again before a poller looked, over and over: four
 * claiming JVMs got fewer claims done than one, and a poller could wait out its whole timeout.
 * The timeout is kept by closing the channel of a wait that outlives it.
 */
final class RegistryLock {

    /** One lock per lock file in this JVM, like the OS lock it stands in front of. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    /** Ends waits past their deadline; one daemon thread, started with the first wait. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();
    /** The holder's pid, padded to a fixed width: rewriting it never needs the file cut short first. */
    private static final int HOLDER_WIDTH = 20;

    private RegistryLock() {
    }

    /** A wait that ends in time drops its deadline at once, instead of leaving it queued until then. */
    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "devstack-registry-lock-deadline");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        return deadlines;
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
            FileLock lock = channel.tryLock();
            if (lock == null) {
                lock = waitFor(channel, lockFile, timeout, deadline);
            }
            writeHolder(channel);
            return new Held(threads, channel, lock);
        } catch (FileLockInterruptionException | ClosedByInterruptException e) {
            close(channel);
            threads.unlock();
            throw interrupted(lockFile, e);
        } catch (IOException e) {
            close(channel);
            threads.unlock();
            throw RegistryException.io("cannot take the registry lock", lockFile, e);
        } catch (RuntimeException e) {
            close(channel);
            threads.unlock();
            throw e;
        }
    }

    /**
     * Waits in the kernel for the file lock until {@code deadline}, when the channel is closed under
     * the wait. Whichever of the two comes first wins: a lock taken just as the deadline passed
     * is given up (closing the channel releases it) and the wait counts as timed out.
     */
    private static FileLock waitFor(FileChannel channel, Path lockFile, Duration timeout, long deadline)
            throws IOException {
        AtomicReference<Wait> wait = new AtomicReference<>(Wait.WAITING);
        ScheduledFuture<?> expiry = DEADLINES.schedule(() -> {
            if (wait.compareAndSet(Wait.WAITING, Wait.TIMED_OUT)) {
                close(channel);
            }
        }, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        try {
            FileLock lock = channel.lock();
            if (wait.compareAndSet(Wait.WAITING, Wait.LOCKED)) {
                return lock;
            }
        } catch (AsynchronousCloseException e) {
            if (wait.get() != Wait.TIMED_OUT) {
                throw e;
            }
        } finally {
            expiry.cancel(false);
        }
        throw busy(lockFile, timeout, holderOf(lockFile));
    }

    private enum Wait { WAITING, LOCKED, TIMED_OUT }

    private static void writeHolder(FileChannel channel) throws IOException {
        String pid = Long.toString(ProcessHandle.current().pid());
        byte[] line = (pid + " ".repeat(Math.max(0, HOLDER_WIDTH - 1 - pid.length())) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        channel.write(ByteBuffer.wrap(line), 0);
    }

    /** The pid the holder wrote, if it has written it yet (it writes right after locking). */
    private static OptionalLong holderOf(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int n = channel.read(buffer, 0);
            return n <= 0 ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static RegistryException interrupted(Path lockFile, Exception e) {
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
