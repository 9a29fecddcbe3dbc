package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.OutputSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every byte each service prints, in {@code <service>.log} as records of whole lines (see
 * {@link ServiceLog}), written by one thread of its own so that no process waits for the disk.
 * A file that has reached its size limit becomes {@code <service>.log.1} before its next record
 * ({@link RotatingFile}). Nothing is dropped on the way; if a file cannot be written, that is said
 * once and the service's output is then only in the terminal.
 */
final class LogFiles implements AutoCloseable {

    /** How much of other pipes' output may wait for an unfinished line, per service, before the line is cut. */
    static final long WAIT_BYTES = 1024 * 1024;
    /** How long other pipes' output may wait for an unfinished line before it is cut. */
    static final Duration WAIT_TIME = Duration.ofSeconds(1);

    private static final ServiceLog.Chunk END = new ServiceLog.Chunk(null, Instant.EPOCH, 0, new byte[0], true);

    private final Path dir;
    private final long maxBytes;
    private final long waitBytes;
    private final long waitNanos;
    private final Consumer<String> problems;
    private final LinkedBlockingQueue<ServiceLog.Chunk> queue = new LinkedBlockingQueue<>();
    private final Map<String, ServiceLog> services = new HashMap<>();
    private final Thread thread;

    /** @param problems told once per service whose log cannot be written */
    LogFiles(Path dir, long maxBytes, Consumer<String> problems) {
        this(dir, maxBytes, WAIT_BYTES, WAIT_TIME, problems);
    }

    LogFiles(Path dir, long maxBytes, long waitBytes, Duration waitTime, Consumer<String> problems) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.waitBytes = waitBytes;
        this.waitNanos = waitTime.toNanos();
        this.problems = problems;
        this.thread = new Thread(this::run, "devstack-logs");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where one run of a service hands its bytes; each run's pipes are kept apart from other runs'. */
    RunLog forRun(String service) {
        return new RunLog(service);
    }

    final class RunLog {
        private final ServiceLog.Pipe stdout;
        private final ServiceLog.Pipe stderr;

        private RunLog(String service) {
            this.stdout = new ServiceLog.Pipe(service, OutputSource.STDOUT);
            this.stderr = new ServiceLog.Pipe(service, OutputSource.STDERR);
        }

        /** Bytes as the service wrote them (the array is kept, not copied); {@code closed}: the pipe ended after them. */
        void append(OutputSource source, Instant at, byte[] bytes, boolean closed) {
            queue.add(new ServiceLog.Chunk(source == OutputSource.STDOUT ? stdout : stderr, at, System.nanoTime(),
                    bytes, closed));
        }
    }

    private void run() {
        List<ServiceLog.Chunk> batch = new ArrayList<>();
        try {
            while (true) {
                ServiceLog.Chunk first = next();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch);
                }
                long lastRead = System.nanoTime();
                for (ServiceLog.Chunk chunk : batch) {
                    if (chunk == END) {
                        return;
                    }
                    services.computeIfAbsent(chunk.pipe().service, service ->
                            new ServiceLog(new RotatingFile(dir, service, maxBytes, problems), waitBytes, waitNanos))
                            .add(chunk);
                    lastRead = chunk.nanos();
                }
                batch.clear();
                // a writer that is behind judges the wait by when the bytes were read: the rest of a line
                // may be queued already
                long now = queue.isEmpty() ? System.nanoTime() : lastRead;
                services.values().forEach(log -> log.cutIfOverdue(now));
                services.values().forEach(ServiceLog::flush);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            services.values().forEach(ServiceLog::finish);
        }
    }

    /** The next chunk, or null once the earliest wait of an unfinished line is over. */
    private ServiceLog.Chunk next() throws InterruptedException {
        long deadline = services.values().stream().mapToLong(ServiceLog::deadline).min().orElse(Long.MAX_VALUE);
        if (deadline == Long.MAX_VALUE) {
            return queue.take();
        }
        return queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** Writes what is queued, closes the files. */
    @Override
    public void close() {
        queue.add(END);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
