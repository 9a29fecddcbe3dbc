package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputRingTest {

    @Test
    void keepsTheNewestLinesOldestFirst() {
        OutputRing ring = new OutputRing(3);
        for (int i = 1; i <= 5; i++) {
            ring.add("line " + i);
        }

        assertThat(ring.last(2)).containsExactly("line 4", "line 5");
        assertThat(ring.last(10)).containsExactly("line 3", "line 4", "line 5");
    }

    @Test
    void aLongLineIsKeptCut() {
        OutputRing ring = new OutputRing(2);
        ring.add("y".repeat(5_000_000));

        assertThat(ring.last(1)).singleElement().asString().hasSize(OutputRing.MAX_CHARS + 1).endsWith("y…");
    }

    @Test
    void anEmptyRingHasNoLines() {
        assertThat(new OutputRing(3).last(5)).isEmpty();
    }
}
