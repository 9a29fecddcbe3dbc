package dev.devstack.supervisor.run;

import dev.devstack.store.FilePermissions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One service's log file, {@code <service>.log}, counted in bytes. It is rotated only between
 * records, so that no line is split over two files: a record that begins once the file holds
 * {@code maxBytes} or more goes to a new file, and the full one becomes {@code <service>.log.1},
 * replacing the one before. A file that cannot be written is reported once and then left alone.
 * Touched only by the log writer's thread.
 */
final class RotatingFile {

    private static final byte[] NEWLINE = {'\n'};

    private final Path dir;
    private final String service;
    private final Path file;
    private final long maxBytes;
    private final Consumer<String> problems;
    private OutputStream out;
    private long bytes;
    private boolean broken;

    RotatingFile(Path dir, String service, long maxBytes, Consumer<String> problems) {
        this.dir = dir;
        this.service = service;
        this.file = path(dir, service);
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    /** Where a service's log is written ({@code .devstack/logs/SERVICE.log}), before any rotation. */
    static Path path(Path dir, String service) {
        return dir.resolve(service + ".log");
    }

    /** Starts a record with its prefix, in a new file if this one is full. */
    void begin(byte[] prefix) {
        if (broken) {
            return;
        }
        try {
            if (out == null) {
                open();
            }
            if (bytes >= maxBytes) {
                out.close();
                Files.move(file, dir.resolve(service + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
                open();
            }
        } catch (IOException e) {
            fail(e, "; " + service + "'s output is only shown, not kept");
            return;
        }
        write(prefix, 0, prefix.length);
    }

    void write(byte[] data, int from, int length) {
        if (broken || length == 0) {
            return;
        }
        try {
            out.write(data, from, length);
            bytes += length;
        } catch (IOException e) {
            fail(e, "; " + service + "'s output is only shown, not kept");
        }
    }

    void end() {
        write(NEWLINE, 0, 1);
    }

    void flush() {
        try {
            if (out != null && !broken) {
                out.flush();
            }
        } catch (IOException e) {
            fail(e, "");
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

    private void open() throws IOException {
        FilePermissions.createPrivateDirectory(dir);
        out = new BufferedOutputStream(Channels.newOutputStream(FilePermissions.openPrivate(file,
                StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.APPEND)), 64 * 1024);
        bytes = Files.size(file);
    }

    private void fail(IOException e, String consequence) {
        broken = true;
        problems.accept("cannot write " + file + " (" + e.getMessage() + ")" + consequence);
    }
}
