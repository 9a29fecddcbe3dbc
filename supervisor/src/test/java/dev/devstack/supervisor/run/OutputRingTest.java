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
    void anEmptyRingHasNoLines() {
        assertThat(new OutputRing(3).last(5)).isEmpty();
    }
}
