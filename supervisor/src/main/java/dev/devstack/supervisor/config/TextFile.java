package dev.devstack.supervisor.config;

import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The text of a configuration file: UTF-8 without NUL bytes, and at most {@link #MAX_BYTES}; a
 * byte order mark is dropped. A
 * byte that is not UTF-8, a NUL, or the place where the file passes the limit, is a problem at its
 * line and column, so that a wrong or damaged file is found without a hex editor.
 */
final class TextFile {

    /** Real configurations are a few kilobytes; a megabyte is a wrong file, not a big stack. */
    static final int MAX_BYTES = 1 << 20;

    private TextFile() {
    }

    /** @param label the file as messages name it, relative to the project folder */
    static Optional<String> read(Path file, String label, Problems problems) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw DevstackException.invalidConfig("cannot read " + file + ": " + e.getMessage(), List.of());
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(locate(label, decodePrefix(bytes, MAX_BYTES)), "the file goes on past 1 MiB here;"
                    + " devstack reads configuration files of up to 1 MiB: is this the right file?");
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            problems.add(locate(label, decodePrefix(bytes, bad)), String.format("byte 0x%02X is not UTF-8 text;"
                    + " save the file as UTF-8", bytes[bad] & 0xFF));
            return Optional.empty();
        }
        decoder.flush(out);
        String text = withoutByteOrderMark(out.flip().toString());
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            problems.add(locate(label, text.substring(0, nul)), "a NUL byte, which text never holds: is this a"
                    + " binary file? Save it as UTF-8 text");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Editors on Windows start UTF-8 files with U+FEFF; it is not part of the first line. */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The text of the first {@code length} bytes, which are valid UTF-8 but may end inside a character. */
    private static String decodePrefix(byte[] bytes, int length) {
        CharBuffer out = CharBuffer.allocate(length);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes, 0, length), out, false);
        return out.flip().toString();
    }

    /** The line and column (in characters, from 1) just after {@code before}; CR, LF and CRLF end lines. */
    static Location locate(String label, String before) {
        int line = 1;
        int lineStart = before.startsWith("\uFEFF") ? 1 : 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(label, line, before.codePointCount(lineStart, before.length()) + 1);
    }
}
