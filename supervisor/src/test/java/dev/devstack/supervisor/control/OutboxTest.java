package dev.devstack.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final Outbox outbox = new Outbox();

    @Test
    void linesAndEventsComeOutInOrderEventsMadeIntoTheirLines() throws InterruptedException {
        outbox.offer("{\"ok\":true}");
        outbox.offer(new NumberedEvent(7, new StackEvent.Output(Instant.EPOCH, "web", OutputSource.STDERR, "boom")));

        assertThat(outbox.take()).isEqualTo("{\"ok\":true}");
        assertThat(outbox.take()).startsWith("{\"sequence\":7,\"event\":{\"schema_version\":1,")
                .contains("\"source\":\"stderr\",\"line\":\"boom\"");
    }

    @Test
    void aSnapshotWaitsAsItselfAndComesOutAsItsLine() throws InterruptedException {
        outbox.offer(new StackSnapshot("shop", "default", Instant.EPOCH, StackPhase.RUNNING, List.of(), List.of()));

        assertThat(outbox.take()).startsWith("{\"snapshot\":{\"schema_version\":1,\"project\":\"shop\"");
    }

    @Test
    void aClientThatFallsTooFarBehindIsCutOffWithALastLineAndNothingMore() throws InterruptedException {
        for (int i = 0; i < Outbox.MAX_ITEMS; i++) {
            assertThat(outbox.offer("line " + i)).isTrue();
        }
        assertThat(outbox.offer("one too many")).isFalse();
        assertThat(outbox.offer("after the cut")).isFalse();

        assertThat(outbox.take()).startsWith("{\"cut_off\":\"this client read too slowly");
        assertThat(outbox.take()).isNull();
    }

    @Test
    void longLinesCountByTheirSize() throws InterruptedException {
        String big = "x".repeat(1024 * 1024);
        int taken = 0;
        while (outbox.offer(new NumberedEvent(taken, new StackEvent.Output(Instant.EPOCH, "web", OutputSource.STDOUT, big)))) {
            taken++;
        }
        assertThat(taken).isEqualTo((int) (Outbox.MAX_CHARS / (big.length() + 200)));
        assertThat(outbox.take()).contains("cut_off");
    }

    @Test
    void aClosedOutboxGivesNothingMore() throws InterruptedException {
        outbox.offer("waiting");
        outbox.close();
        assertThat(outbox.take()).isNull();
        assertThat(outbox.offer("late")).isFalse();
    }
}
