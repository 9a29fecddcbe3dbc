package dev.devstack.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void fieldsAreCountedAfterTheLastParenthesisOfTheCommandName() {
        String stat = "4242 (my (odd) name) S 1 4240 4239 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 123 9000000 612 "
                + "18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcStat.parse(4242, stat)).contains(new ProcStat(4242, 'S', 1, 4240, 4239, 300, 612, 3, 123, 0));
    }

    @Test
    void aZombieCarriesTheWaitStatusItsParentWillCollect() {
        String stat = "77 (sh) Z 1 77 77 0 -1 4228108 0 0 0 0 0 0 0 0 20 0 1 0 900 0 0 18446744073709551615 0 0 0 0 0 0 0 "
                + "0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 768";

        assertThat(ProcStat.parse(77, stat)).hasValueSatisfying(process -> {
            assertThat(process.zombie()).isTrue();
            assertThat(process.waitStatus()).isEqualTo(768);
        });
    }

    @Test
    void aLineCutShortIsNoProcess() {
        assertThat(ProcStat.parse(5, "5 (x) S 1 5 5 0")).isEmpty();
        assertThat(ProcStat.parse(5, "no parenthesis")).isEmpty();
    }
}
