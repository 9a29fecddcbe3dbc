package dev.devstack.supervisor.run;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into the lines that are shown (and matched by a `log` readiness check):
 * each whole line decoded as UTF-8, so that a character is never split between two reads, with
 * invalid bytes replaced by U+FFFD and a {@code \r} before the newline dropped. A line longer
 * than {@link #MAX_LINE} bytes is passed on in pieces cut at a character boundary, so memory stays
 * bounded; what is left when the stream closes is passed on as a last line. The log file gets the
 * bytes themselves, not these lines. Not thread-safe: one splitter per pipe.
 */
final class LineSplitter {

    static final int MAX_LINE = 64 * 1024;

    private final Consumer<String> lines;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = new byte[256];
    private int length;

    LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                emit(length);
                continue;
            }
            if (length == pending.length) {
                if (length >= MAX_LINE) {
                    emit(boundary());
                } else {
                    pending = Arrays.copyOf(pending, Math.min(MAX_LINE, pending.length * 2));
                }
            }
            pending[length++] = b;
        }
    }

    void close() {
        if (length > 0) {
            emit(length);
        }
    }

    /** The last position before which no UTF-8 sequence is cut in half. */
    private int boundary() {
        int cut = length;
        int back = 0;
        while (cut > 0 && back < 4 && (pending[cut - 1] & 0xC0) == 0x80) {
            cut--;
            back++;
        }
        if (cut > 0 && (pending[cut - 1] & 0xC0) == 0xC0) {
            cut--;
        } else {
            cut = length;
        }
        return cut == 0 ? length : cut;
    }

    private void emit(int upTo) {
        int end = upTo;
        if (end > 0 && pending[end - 1] == '\r' && upTo == length) {
            end--;
        }
        lines.accept(decode(end));
        System.arraycopy(pending, upTo, pending, 0, length - upTo);
        length -= upTo;
    }

    private String decode(int end) {
        try {
            decoder.reset();
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(pending, 0, end));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return new String(pending, 0, end, StandardCharsets.UTF_8);
        }
    }
}
