package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventBusTest {

    @Test
    void aStalledViewMissesLinesButEveryStateChangeAndAnExactCountOfWhatItMissed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stalled = new CountDownLatch(1);
        AtomicLong lines = new AtomicLong();
        List<StackEvent> others = Collections.synchronizedList(new ArrayList<>());
        int total = EventBus.MAX_WAITING_LINES * 2;

        try (EventBus bus = new EventBus(Clock.systemUTC())) {
            bus.subscribe(event -> {
                if (event instanceof StackEvent.Output) {
                    lines.incrementAndGet();
                    stalled.countDown();
                    await(release);
                } else {
                    others.add(event);
                }
            });
            for (int i = 0; i < total; i++) {
                bus.publishLine(new StackEvent.Output(Instant.EPOCH, "api", OutputSource.STDOUT, "line " + i));
            }
            bus.publish(new StackEvent.StateChanged(Instant.EPOCH, "api", ServiceState.EXITED,
                    new ServiceDetail.Ended(new ExitDescription.Natural(0))));
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }

        assertThat(others).first().isInstanceOf(StackEvent.StateChanged.class);
        assertThat(others).last().isInstanceOfSatisfying(StackEvent.Notice.class, notice -> {
            assertThat(notice.service()).isEqualTo("api");
            long missed = Long.parseLong(notice.message().substring(0, notice.message().indexOf(' ')));
            assertThat(notice.message()).endsWith("every line is in .devstack/logs/api.log");
            assertThat(lines.get() + missed).isEqualTo(total);
            assertThat(missed).isPositive();
        });
    }

    @Test
    void longLinesAreBoundedByTheirCharactersNotOnlyByTheirCount() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stalled = new CountDownLatch(1);
        AtomicLong shown = new AtomicLong();
        List<StackEvent.Notice> notices = Collections.synchronizedList(new ArrayList<>());
        String piece = "x".repeat(64 * 1024);
        int total = 1000;

        try (EventBus bus = new EventBus(Clock.systemUTC())) {
            bus.subscribe(event -> {
                if (event instanceof StackEvent.Output) {
                    shown.incrementAndGet();
                    stalled.countDown();
                    await(release);
                } else if (event instanceof StackEvent.Notice notice) {
                    notices.add(notice);
                }
            });
            for (int i = 0; i < total; i++) {
                bus.publishLine(new StackEvent.Output(Instant.EPOCH, "api", OutputSource.STDOUT, piece));
            }
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }

        long missed = notices.stream().mapToLong(n -> Long.parseLong(n.message().substring(0, n.message().indexOf(' '))))
                .sum();
        assertThat(shown.get()).as("at most 16 Mi characters waited").isLessThanOrEqualTo(
                EventBus.MAX_WAITING_CHARS / piece.length() + 1);
        assertThat(shown.get() + missed).isEqualTo(total);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
