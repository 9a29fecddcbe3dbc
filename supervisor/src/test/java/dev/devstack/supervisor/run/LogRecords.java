package dev.devstack.supervisor.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A log file's records read back as docs/cli.md describes them, and each stream's bytes put
 * together again: a record's bytes and {@code \n}, except that the {@code \n} ending a cut record
 * is dropped when a {@code +} record of its stream continues it.
 */
final class LogRecords {

    record Record(Instant time, String stream, boolean continued, byte[] bytes) {
    }

    private LogRecords() {
    }

    /** The records of these files, one after the other; a file that does not exist has none. */
    static List<Record> read(Path... files) {
        List<Record> records = new ArrayList<>();
        for (Path file : files) {
            if (Files.exists(file)) {
                records.addAll(parse(bytes(file)));
            }
        }
        return records;
    }

    static List<Record> parse(byte[] file) {
        List<Record> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                records.add(record(Arrays.copyOfRange(file, start, i)));
                start = i + 1;
            }
        }
        if (start != file.length) {
            throw new AssertionError("the file does not end with a whole record: "
                    + new String(file, start, Math.min(file.length - start, 80), StandardCharsets.UTF_8));
        }
        return records;
    }

    /** What the stream ("out" or "err") wrote, with a newline after its last line if it had none. */
    static byte[] stream(List<Record> records, String stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Record record : records) {
            if (!record.stream().equals(stream)) {
                continue;
            }
            byte[] sofar = bytes.toByteArray();
            if (record.continued()) {
                if (sofar.length == 0) {
                    throw new AssertionError("a " + stream + "+ record continues nothing");
                }
                bytes.reset();
                bytes.write(sofar, 0, sofar.length - 1);
            }
            bytes.writeBytes(record.bytes());
            bytes.write('\n');
        }
        return bytes.toByteArray();
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Record record(byte[] line) {
        int time = indexOf(line, 0);
        int tag = indexOf(line, time + 1);
        if (time < 0 || tag < 0) {
            throw new AssertionError("not a record: " + new String(line, 0, Math.min(line.length, 80),
                    StandardCharsets.UTF_8));
        }
        String stream = new String(line, time + 1, tag - time - 1, StandardCharsets.US_ASCII);
        boolean continued = stream.endsWith("+");
        stream = continued ? stream.substring(0, stream.length() - 1) : stream;
        if (!stream.equals("out") && !stream.equals("err")) {
            throw new AssertionError("not a stream tag: " + stream);
        }
        return new Record(Instant.parse(new String(line, 0, time, StandardCharsets.US_ASCII)), stream, continued,
                Arrays.copyOfRange(line, tag + 1, line.length));
    }

    private static int indexOf(byte[] line, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == ' ') {
                return i;
            }
        }
        return -1;
    }
}
