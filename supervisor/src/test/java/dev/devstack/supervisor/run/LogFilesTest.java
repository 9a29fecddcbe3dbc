package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void linesAreKeptPerServiceWithTimeAndStreamAndTheFilesArePrivate() throws IOException {
        Path logs = dir.resolve("logs");
        try (LogFiles files = new LogFiles(logs, 1 << 20, problem -> { })) {
            files.append("api", OutputSource.STDOUT, Instant.parse("2026-11-26T07:40:00.123Z"), "listening");
            files.append("web", OutputSource.STDERR, Instant.parse("2026-11-26T07:40:01Z"), "warning: ünïcode");
        }

        assertThat(Files.readAllLines(logs.resolve("api.log"))).containsExactly("2026-11-26T07:40:00.123Z out listening");
        assertThat(Files.readAllLines(logs.resolve("web.log"))).containsExactly("2026-11-26T07:40:01Z err warning: ünïcode");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs.resolve("api.log"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFullFileIsRotatedAndTheNewestLinesAreInTheLastTwoFiles() throws IOException {
        Path logs = dir.resolve("logs");
        try (LogFiles files = new LogFiles(logs, 200, problem -> { })) {
            for (int i = 0; i < 20; i++) {
                files.append("api", OutputSource.STDOUT, Instant.EPOCH, "line %02d".formatted(i));
            }
        }

        List<String> kept = new ArrayList<>(Files.readAllLines(logs.resolve("api.log.1")));
        kept.addAll(Files.readAllLines(logs.resolve("api.log")));
        assertThat(Files.size(logs.resolve("api.log.1"))).isLessThan(200 + 40);
        assertThat(kept.get(kept.size() - 1)).endsWith("line 19");
        for (int i = 1; i < kept.size(); i++) {
            int previous = Integer.parseInt(kept.get(i - 1).substring(kept.get(i - 1).length() - 2));
            assertThat(kept.get(i)).endsWith("line %02d".formatted(previous + 1));
        }
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedOnce() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        List<String> problems = new ArrayList<>();
        try (LogFiles files = new LogFiles(notADirectory, 1 << 20, problems::add)) {
            files.append("api", OutputSource.STDOUT, Instant.EPOCH, "one");
            files.append("api", OutputSource.STDOUT, Instant.EPOCH, "two");
        }

        assertThat(problems).singleElement().asString().startsWith("cannot write " + notADirectory.resolve("api.log"));
    }
}
