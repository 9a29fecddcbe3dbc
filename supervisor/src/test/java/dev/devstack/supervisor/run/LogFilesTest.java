package dev.devstack.supervisor.run;

import static dev.devstack.supervisor.model.OutputSource.STDERR;
import static dev.devstack.supervisor.model.OutputSource.STDOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    private static final String TIME = "2026-11-26T07:40:00.123Z";
    private static final Instant AT = Instant.parse(TIME);
    private static final Duration NEVER = Duration.ofHours(1);
    private static final byte[] INVALID_UTF8 = Bytes.of(0x77, 0xff, 0xc3, '(', ' ', 0xed, 0xa0, 0x80, ' ',
            0xf4, 0x90, 0x80, 0x80, ' ', 0xc0, 0xaf, ' ', 0xe2, 0x82);

    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();

    private Path logs() {
        return dir.resolve("logs");
    }

    private LogFiles logFiles(long maxBytes, long waitBytes, Duration waitTime) {
        return new LogFiles(logs(), maxBytes, waitBytes, waitTime, problems::add);
    }

    @Test
    void eachLineIsKeptAsWrittenWithTimeAndStreamAndTheFilesArePrivate() throws IOException {
        try (LogFiles files = new LogFiles(logs(), 1 << 20, problems::add)) {
            LogFiles.RunLog api = files.forRun("api");
            LogFiles.RunLog web = files.forRun("web");
            api.append(STDOUT, AT, Bytes.join(Bytes.text("listening\n"), INVALID_UTF8, Bytes.text("\n\ntwo\r\n")), false);
            api.append(STDOUT, AT, Bytes.text("last words"), true);
            web.append(STDERR, AT, Bytes.text("warning: ünïcode\n"), true);
        }

        assertFile(logs().resolve("api.log"), Bytes.join(record("out", Bytes.text("listening")), record("out", INVALID_UTF8),
                record("out", new byte[0]), record("out", Bytes.text("two\r")), record("out", Bytes.text("last words"))));
        assertFile(logs().resolve("web.log"), record("err", Bytes.text("warning: ünïcode")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs().resolve("api.log"))))
                .isEqualTo("rw-------");
        assertThat(problems).isEmpty();
    }

    @Test
    void aCharacterCutBetweenTwoReadsIsOneRecordWithItsBytesUnchanged() {
        try (LogFiles files = new LogFiles(logs(), 1 << 20, problems::add)) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.join(Bytes.text("price: "), Bytes.of(0xe2, 0x82)), false);
            api.append(STDOUT, AT, Bytes.join(Bytes.of(0xac), Bytes.text(" 5\n")), true);
        }

        assertFile(logs().resolve("api.log"), record("out", Bytes.text("price: € 5")));
    }

    @Test
    void aTwentyMebibyteLineFedInRandomPiecesIsOneRecordOfExactlyItsBytes() {
        Random random = new Random(20);
        byte[] line = new byte[20 << 20];
        random.nextBytes(line);
        for (int i = 0; i < line.length; i++) {
            line[i] = line[i] == '\n' ? (byte) 0xff : line[i];
        }
        try (LogFiles files = new LogFiles(logs(), 1 << 30, problems::add)) {
            LogFiles.RunLog api = files.forRun("api");
            int from = 0;
            while (from < line.length) {
                int to = Math.min(line.length, from + 1 + random.nextInt(256 * 1024));
                api.append(STDOUT, AT, Arrays.copyOfRange(line, from, to), false);
                from = to;
            }
            api.append(STDOUT, AT, Bytes.text("\nafter\n"), true);
        }

        assertFile(logs().resolve("api.log"), Bytes.join(record("out", line), record("out", Bytes.text("after"))));
    }

    @Test
    void theOtherStreamsLinesWaitUntilAnUnfinishedLineEnds() {
        try (LogFiles files = logFiles(1 << 20, 1 << 20, NEVER)) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.text("progress 1"), false);
            api.append(STDERR, AT, Bytes.text("warning\n"), false);
            api.append(STDERR, AT, Bytes.text("second\n"), false);
            api.append(STDOUT, AT, Bytes.text("0%\n"), false);
        }

        assertFile(logs().resolve("api.log"), Bytes.join(record("out", Bytes.text("progress 10%")), record("err", Bytes.text("warning")),
                record("err", Bytes.text("second"))));
    }

    @Test
    void waitingLinesGoInAsSoonAsTheOpenLineEndsNotAfterTheNextLineOfTheSameRead() {
        try (LogFiles files = logFiles(1 << 20, 1 << 20, NEVER)) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.text("GET /a"), false);
            api.append(STDERR, AT, Bytes.text("warning\n"), false);
            api.append(STDOUT, AT, Bytes.text(" 200\nGET /b"), false);
            api.append(STDOUT, AT, Bytes.text(" 200\n"), false);
        }

        assertFile(logs().resolve("api.log"), Bytes.join(record("out", Bytes.text("GET /a 200")),
                record("err", Bytes.text("warning")), record("out", Bytes.text("GET /b 200"))));
    }

    @Test
    void pastTheWaitingBytesTheUnfinishedLineIsCutAndItsRestFollowsAsAPlusRecord() {
        try (LogFiles files = logFiles(1 << 20, 10, NEVER)) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.text("50%\r"), false);
            api.append(STDERR, AT, Bytes.text("first\n"), false);
            api.append(STDERR, AT, Bytes.text("second\n"), false);
            api.append(STDOUT, AT, Bytes.text("75%\r100%\n"), false);
        }

        assertFile(logs().resolve("api.log"), Bytes.join(record("out", Bytes.text("50%\r")), record("err", Bytes.text("first")),
                record("err", Bytes.text("second")), record("out+", Bytes.text("75%\r100%"))));
    }

    @Test
    void afterTheWaitingTimeTheUnfinishedLineIsCutAndItsRestFollowsAsAPlusRecord() {
        Path log = logs().resolve("api.log");
        byte[] cut = Bytes.join(record("out", Bytes.text("50%\r")), record("err", Bytes.text("warning")));
        try (LogFiles files = logFiles(1 << 20, 1 << 20, Duration.ofMillis(100))) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.text("50%\r"), false);
            api.append(STDERR, AT, Bytes.text("warning\n"), false);

            Await.until(Duration.ofSeconds(10), "the unfinished line to be cut",
                    () -> Files.exists(log) && Arrays.equals(LogRecords.bytes(log), cut));
            api.append(STDOUT, AT, Bytes.text("100%\n"), false);
        }

        assertFile(log, Bytes.join(cut, record("out+", Bytes.text("100%"))));
    }

    @Test
    void aStreamThatClosesEndsItsLineAndTheWaitingLineGoesOn() {
        try (LogFiles files = logFiles(1 << 20, 1 << 20, NEVER)) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.text("a"), false);
            api.append(STDERR, AT, Bytes.text("b"), false);
            api.append(STDOUT, AT, new byte[0], true);
            api.append(STDERR, AT, Bytes.text("c\n"), false);
        }

        assertFile(logs().resolve("api.log"), Bytes.join(record("out", Bytes.text("a")), record("err", Bytes.text("bc"))));
    }

    @Test
    void aLaterRunNeverContinuesTheLineOfAnEarlierRun() {
        try (LogFiles files = logFiles(1 << 20, 1 << 20, NEVER)) {
            LogFiles.RunLog first = files.forRun("api");
            LogFiles.RunLog second = files.forRun("api");
            first.append(STDOUT, AT, Bytes.text("left unfinished by run 1"), false);
            second.append(STDOUT, AT, Bytes.text("run 2\n"), true);
            first.append(STDOUT, AT, new byte[0], true);
        }

        assertFile(logs().resolve("api.log"), Bytes.join(record("out", Bytes.text("left unfinished by run 1")),
                record("out", Bytes.text("run 2"))));
    }

    @Test
    void interleavedStreamsInRandomPiecesAreNeitherReorderedNorChanged() {
        Random random = new Random(7);
        byte[] out = randomLines(random, 400);
        byte[] err = randomLines(random, 400);
        try (LogFiles files = logFiles(1 << 30, 64, NEVER)) {
            LogFiles.RunLog api = files.forRun("api");
            int outAt = 0;
            int errAt = 0;
            while (outAt < out.length || errAt < err.length) {
                boolean fromOut = errAt == err.length || (outAt < out.length && random.nextBoolean());
                byte[] stream = fromOut ? out : err;
                int from = fromOut ? outAt : errAt;
                int to = Math.min(stream.length, from + 1 + random.nextInt(100));
                api.append(fromOut ? STDOUT : STDERR, AT, Arrays.copyOfRange(stream, from, to), to == stream.length);
                outAt = fromOut ? to : outAt;
                errAt = fromOut ? errAt : to;
            }
        }

        List<LogRecords.Record> records = LogRecords.read(logs().resolve("api.log"));
        assertThat(records).as("some lines were cut").anyMatch(LogRecords.Record::continued);
        assertThat(LogRecords.stream(records, "out")).isEqualTo(Bytes.join(out, Bytes.text("\n")));
        assertThat(LogRecords.stream(records, "err")).isEqualTo(Bytes.join(err, Bytes.text("\n")));
    }

    @Test
    void aFileIsRotatedBeforeTheFirstRecordThatBeginsAtItsLimitCountedInBytes() {
        // "ï" makes a record one byte longer than it has characters
        byte[][] records = new byte[8][];
        for (int i = 0; i < records.length; i++) {
            records[i] = record("out", Bytes.text("lïne %02d".formatted(i)));
        }
        rotate("exact", 3L * records[0].length, records);
        rotate("above", 3L * records[0].length + 1, records);

        assertFile(logs().resolve("exact.log.1"), Bytes.join(records[3], records[4], records[5]));
        assertFile(logs().resolve("exact.log"), Bytes.join(records[6], records[7]));
        assertFile(logs().resolve("above.log.1"), Bytes.join(records[0], records[1], records[2], records[3]));
        assertFile(logs().resolve("above.log"), Bytes.join(records[4], records[5], records[6], records[7]));
    }

    private void rotate(String service, long maxBytes, byte[][] records) {
        try (LogFiles files = new LogFiles(logs(), maxBytes, problems::add)) {
            LogFiles.RunLog log = files.forRun(service);
            for (int i = 0; i < records.length; i++) {
                log.append(STDOUT, AT, Bytes.text("lïne %02d\n".formatted(i)), false);
            }
        }
    }

    @Test
    void aLineLongerThanTheLimitStaysWholeInOneFile() {
        byte[] longLine = Bytes.text("x".repeat(1000));
        try (LogFiles files = new LogFiles(logs(), 100, problems::add)) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.text("short\n"), false);
            api.append(STDOUT, AT, Arrays.copyOfRange(longLine, 0, 400), false);
            api.append(STDOUT, AT, Arrays.copyOfRange(longLine, 400, 1000), false);
            api.append(STDOUT, AT, Bytes.text("\nnext\n"), false);
        }

        assertFile(logs().resolve("api.log.1"), Bytes.join(record("out", Bytes.text("short")), record("out", longLine)));
        assertFile(logs().resolve("api.log"), record("out", Bytes.text("next")));
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedOnce() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        try (LogFiles files = new LogFiles(notADirectory, 1 << 20, problems::add)) {
            LogFiles.RunLog api = files.forRun("api");
            api.append(STDOUT, AT, Bytes.text("one\n"), false);
            api.append(STDOUT, AT, Bytes.text("two\n"), false);
        }

        assertThat(problems).singleElement().asString().startsWith("cannot write " + notADirectory.resolve("api.log"));
    }

    /** Lines of random bytes (invalid UTF-8 and {@code \r} included), some empty; the last one unfinished and not empty. */
    private static byte[] randomLines(Random random, int lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            byte[] line = new byte[random.nextInt(120) + (i == lines - 1 ? 1 : 0)];
            random.nextBytes(line);
            for (int j = 0; j < line.length; j++) {
                line[j] = line[j] == '\n' ? (byte) '\r' : line[j];
            }
            bytes.writeBytes(line);
            if (i < lines - 1) {
                bytes.write('\n');
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] record(String tag, byte[] line) {
        return Bytes.join(Bytes.text(TIME + " " + tag + " "), line, Bytes.text("\n"));
    }



    /** Compares bytes; small files as text with their control bytes visible, so that a failure shows the difference. */
    private static void assertFile(Path file, byte[] expected) {
        byte[] actual = LogRecords.bytes(file);
        if (expected.length < 4096) {
            assertThat(visible(actual)).as(file.toString()).isEqualTo(visible(expected));
        }
        assertThat(Arrays.mismatch(actual, expected)).as("the first byte of %s that differs (of %d and %d)", file,
                actual.length, expected.length).isEqualTo(-1);
    }

    private static String visible(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r");
    }
}
