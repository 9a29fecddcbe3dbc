package dev.devstack.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void readsLinesThenTheLastOneWithoutANewlineThenTheEnd() throws IOException {
        LineReader reader = reader("one\ntwo é\nthree");
        assertThat(reader.next()).contains("one");
        assertThat(reader.next()).contains("two é");
        assertThat(reader.next()).contains("three");
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void aLineOverTheLimitIsRefusedAndTheNextOneIsReadAsUsual() throws IOException {
        LineReader reader = reader("x".repeat(LineReader.MAX_LINE + 1) + "\n{\"request\":\"snapshot\"}\n");
        assertThatThrownBy(reader::next).isInstanceOf(LineReader.TooLong.class).hasMessageContaining("1024 KiB");
        assertThat(reader.next()).isEqualTo(Optional.of("{\"request\":\"snapshot\"}"));
    }

    @Test
    void aLineOfExactlyTheLimitIsALine() throws IOException {
        assertThat(reader("y".repeat(LineReader.MAX_LINE) + "\n").next().orElseThrow()).hasSize(LineReader.MAX_LINE);
    }

    private static LineReader reader(String text) {
        return new LineReader(Channels.newChannel(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }
}
