package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import dev.devstack.supervisor.testing.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real service writes invalid UTF-8, a character cut between two writes, a 20 MiB line,
 * {@code \r\n}, and a line of stderr while a line of stdout is unfinished. Its log files hold every
 * byte as it was written (past the 10 MiB rotation limit); what is shown, and what its `log`
 * readiness check matches, is the cleaned text.
 */
class LogFileBytesIT {

    /** Replays the writes of plan.bin (stream, length, bytes), each flushed and read on its own. */
    private static final String REPLAY = """
            import struct, sys, time
            plan = open(sys.argv[1], 'rb').read()
            streams = {1: sys.stdout.buffer, 2: sys.stderr.buffer}
            at = 0
            while at < len(plan):
                stream, length = struct.unpack('>BI', plan[at:at + 5])
                streams[stream].write(plan[at + 5:at + 5 + length])
                streams[stream].flush()
                at += 5 + length
                time.sleep(0.05)
            """;
    private static final int BIG = 20 * 1024 * 1024;

    private record Write(OutputSource source, byte[] bytes) {
    }

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    @Test
    void theLogHoldsEveryByteAsWrittenAndTheScreenShowsCleanedText() throws Exception {
        byte[] big = new byte[BIG];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('!' + i % 90);
        }
        List<Write> writes = List.of(
                out(Bytes.text("ready "), Bytes.of(0xff, 0xfe), Bytes.text("\r\n")),
                err(Bytes.text("warning: "), Bytes.of(0xc3, '(', ' ', 0xed, 0xa0, 0x80, ' ', 0xf4, 0x90, 0x80, 0x80), Bytes.text("\n")),
                out(Bytes.text("price: "), Bytes.of(0xe2, 0x82)),
                out(Bytes.of(0xac), Bytes.text(" 5\n")),
                out(big, Bytes.text("\n")),
                out(Bytes.text("progress 10%\r")),
                err(Bytes.text("a warning while the progress line is unfinished\n")),
                out(Bytes.text("progress 100%\n")),
                out(Bytes.text("last words, no newline")));
        new TestProject(projectDir)
                .write("replay.py", REPLAY)
                .write("ports.yaml", "services:\n  talker: { command: python3 replay.py plan.bin, port: none,"
                        + " ready: { log: \"^ready \\uFFFD\\uFFFD$\" } }\n");
        Files.write(projectDir.resolve("plan.bin"), plan(writes));
        List<StackEvent> events = Collections.synchronizedList(new ArrayList<>());
        Path logs = projectDir.resolve(".devstack/logs");

        try (Supervisor supervisor = TestStack.supervisor(projectDir, home, SupervisorSettings.defaults(logs))) {
            try {
                supervisor.subscribe(events::add);
                supervisor.start();
                StackOutcome outcome = supervisor.finished().get(120, TimeUnit.SECONDS);
                assertThat(outcome.services().get(0).state()).isEqualTo(ServiceState.EXITED);
            } finally {
                supervisor.snapshot().services().forEach(s -> s.pid().ifPresent(Processes::killGroup));
            }
        }

        List<LogRecords.Record> rotated = LogRecords.read(logs.resolve("talker.log.1"));
        List<LogRecords.Record> records = new ArrayList<>(rotated);
        records.addAll(LogRecords.read(logs.resolve("talker.log")));
        assertThat(LogRecords.stream(records, "out")).isEqualTo(Bytes.join(written(writes, OutputSource.STDOUT), Bytes.text("\n")));
        assertThat(LogRecords.stream(records, "err")).isEqualTo(written(writes, OutputSource.STDERR));
        assertThat(rotated).as("the file was rotated after the 20 MiB line, which is its last record, whole")
                .last().satisfies(record -> assertThat(Arrays.equals(record.bytes(), big)).isTrue());

        List<String> shown = events.stream().filter(e -> e instanceof StackEvent.Output)
                .map(e -> ((StackEvent.Output) e).line()).toList();
        assertThat(shown).startsWith("ready \uFFFD\uFFFD")
                .contains("warning: \uFFFD( \uFFFD \uFFFD\uFFFD\uFFFD\uFFFD", "price: € 5")
                .endsWith("progress 10%\rprogress 100%", "last words, no newline");
        int first = shown.indexOf("price: € 5") + 1;
        List<String> pieces = shown.subList(first, first + BIG / LineSplitter.MAX_LINE);
        assertThat(pieces).allSatisfy(piece -> assertThat(piece).hasSize(LineSplitter.MAX_LINE));
        assertThat(String.join("", pieces).equals(new String(big, StandardCharsets.US_ASCII)))
                .as("the 20 MiB line is shown in pieces of 64 KiB").isTrue();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(StackEvent.StateChanged.class,
                change -> assertThat(DetailText.of(change.detail())).startsWith("a line matched /^ready \uFFFD\uFFFD$/")));
    }

    private static byte[] plan(List<Write> writes) throws IOException {
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(plan);
        for (Write write : writes) {
            out.writeByte(write.source() == OutputSource.STDOUT ? 1 : 2);
            out.writeInt(write.bytes().length);
            out.write(write.bytes());
        }
        return plan.toByteArray();
    }

    private static byte[] written(List<Write> writes, OutputSource source) {
        return Bytes.join(writes.stream().filter(w -> w.source() == source).map(Write::bytes).toArray(byte[][]::new));
    }

    private static Write out(byte[]... parts) {
        return new Write(OutputSource.STDOUT, Bytes.join(parts));
    }

    private static Write err(byte[]... parts) {
        return new Write(OutputSource.STDERR, Bytes.join(parts));
    }


}
