package dev.devstack.supervisor.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads lines of UTF-8 from a blocking channel, each at most {@link #MAX_LINE} bytes: the rest of a
 * longer one is read and dropped, never held, and the line is refused ({@link TooLong}); the next
 * line is read as usual.
 */
public final class LineReader {

    public static final int MAX_LINE = 1024 * 1024;

    private final ReadableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineReader(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /** The next line without its newline; empty at the end of the stream. */
    public Optional<String> next() throws IOException {
        line.reset();
        boolean tooLong = false;
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    if (tooLong) {
                        throw new TooLong();
                    }
                    return Optional.of(line.toString(StandardCharsets.UTF_8));
                }
                if (line.size() == MAX_LINE) {
                    tooLong = true;
                } else {
                    line.write(b);
                }
            }
            buffer.clear();
            int read = channel.read(buffer);
            buffer.flip();
            if (read < 0) {
                if (tooLong) {
                    throw new TooLong();
                }
                return line.size() == 0 ? Optional.empty() : Optional.of(line.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** A line longer than {@link #MAX_LINE} bytes. */
    public static final class TooLong extends IOException {
        TooLong() {
            super("a line of more than " + MAX_LINE / 1024 + " KiB: one request is one short JSON object on one line");
        }
    }
}
