package dev.devstack.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalDispositionsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheIgnoredMaskOfAProcess() throws IOException {
        Path status = Files.writeString(dir.resolve("status"),
                "Name:\tsh\nSigBlk:\t0000000000000004\nSigIgn:\t0000000000001002\nSigCgt:\t0000000000000000\n");

        SignalDispositions dispositions = SignalDispositions.of(status).orElseThrow();

        assertThat(dispositions.ignores(2)).as("SIGINT").isTrue();
        assertThat(dispositions.ignores(13)).as("SIGPIPE").isTrue();
        assertThat(dispositions.ignores(3)).as("SIGQUIT is blocked, not ignored").isFalse();
        assertThat(dispositions.ignores(15)).as("SIGTERM").isFalse();
        assertThat(dispositions.ignores(65)).isFalse();
    }

    @Test
    void aStatusWithoutTheMaskTellsNothing() throws IOException {
        assertThat(SignalDispositions.of(Files.writeString(dir.resolve("status"), "Name:\tsh\n"))).isEmpty();
        assertThat(SignalDispositions.of(dir.resolve("missing"))).isEmpty();
    }
}
