package dev.devstack.supervisor.run;

import dev.devstack.store.FilePermissions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Every line each service prints, in {@code <service>.log} (time, stream, line), written by one
 * thread of its own so that no process waits for the disk. A file that reaches its size limit
 * (counted in characters, so about that many bytes) becomes {@code <service>.log.1}, replacing the
 * previous one, and a new one is started. Nothing is dropped on the way; if a file cannot be
 * written, that is said once and the service's output is then only in the terminal.
 */
final class LogFiles implements AutoCloseable {

    private record Line(String service, OutputSource source, Instant at, String text) {
    }

    private static final Line END = new Line("", OutputSource.STDOUT, Instant.EPOCH, "");

    private final Path dir;
    private final long maxBytes;
    private final Consumer<String> problems;
    private final LinkedBlockingQueue<Line> queue = new LinkedBlockingQueue<>();
    private final Map<String, Writer> writers = new HashMap<>();
    private final Thread thread;

    /** @param problems told once per service whose log cannot be written */
    LogFiles(Path dir, long maxBytes, Consumer<String> problems) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.problems = problems;
        this.thread = new Thread(this::run, "devstack-logs");
        thread.setDaemon(true);
        thread.start();
    }

    void append(String service, OutputSource source, Instant at, String text) {
        queue.add(new Line(service, source, at, text));
    }

    Path file(String service) {
        return dir.resolve(service + ".log");
    }

    private void run() {
        List<Line> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                for (Line line : batch) {
                    if (line == END) {
                        flushAll();
                        return;
                    }
                    write(line);
                }
                batch.clear();
                flushAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writers.values().forEach(Writer::close);
        }
    }

    private void write(Line line) {
        Writer writer = writers.computeIfAbsent(line.service(), Writer::new);
        writer.write(DateTimeFormatter.ISO_INSTANT.format(line.at()) + (line.source() == OutputSource.STDOUT
                ? " out " : " err ") + line.text() + "\n");
    }

    private void flushAll() {
        writers.values().forEach(Writer::flush);
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

    /** One service's current file; touched only on the writer thread. */
    private final class Writer {
        private final String service;
        private BufferedWriter out;
        private long bytes;
        private boolean broken;

        Writer(String service) {
            this.service = service;
        }

        void write(String text) {
            if (broken) {
                return;
            }
            try {
                if (out == null) {
                    open();
                } else if (bytes >= maxBytes) {
                    out.close();
                    Files.move(file(service), dir.resolve(service + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
                    open();
                }
                out.write(text);
                bytes += text.length();
            } catch (IOException e) {
                broken = true;
                problems.accept("cannot write " + file(service) + " (" + e.getMessage() + "); " + service
                        + "'s output is only shown, not kept");
            }
        }

        private void open() throws IOException {
            FilePermissions.createPrivateDirectory(dir);
            Path path = file(service);
            out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(FilePermissions.openPrivate(path,
                    StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND)),
                    StandardCharsets.UTF_8), 64 * 1024);
            bytes = Files.size(path);
        }

        void flush() {
            try {
                if (out != null && !broken) {
                    out.flush();
                }
            } catch (IOException e) {
                broken = true;
                problems.accept("cannot write " + file(service) + " (" + e.getMessage() + ")");
            }
        }

        void close() {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException ignored) {
                // already reported by flush, or nothing left to lose
            }
        }
    }
}
