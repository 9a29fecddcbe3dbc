package dev.devstack.supervisor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devstack.supervisor.model.JournalListener;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventJournalTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final EventJournal journal = new EventJournal();

    @Test
    void aFollowerGetsWhatCameAfterItsNumberThenEachNewEventOnce() {
        for (int i = 1; i <= 5; i++) {
            journal.append(line("web", "line " + i, i));
        }
        Recorder recorder = new Recorder();
        try (Subscription ignored = journal.follow(3, recorder)) {
            journal.append(line("web", "line 6", 6));
        }
        journal.append(line("web", "line 7", 7));
        assertEquals(List.of(4L, 5L, 6L), recorder.sequences);
        assertEquals(List.of(), recorder.missed);
        assertEquals(7, journal.lastSequence());
    }

    @Test
    void aFollowerIsToldWhichEventsAreNoLongerHeld() {
        for (int i = 1; i <= EventJournal.MAX_EVENTS + 10; i++) {
            journal.append(new StackEvent.Notice(T0, "", "notice " + i));
        }
        Recorder recorder = new Recorder();
        journal.follow(5, recorder).close();
        assertEquals(List.of("6-10"), recorder.missed);
        assertEquals(11L, recorder.sequences.get(0));
        assertEquals(EventJournal.MAX_EVENTS, recorder.sequences.size());
    }

    @Test
    void outputIsTheLastLinesOfTheServicesAskedForSinceATimeOldestFirst() {
        journal.append(line("web", "w1", 1));
        journal.append(line("api", "a1", 2));
        journal.append(new StackEvent.Notice(T0, "web", "a notice is no line"));
        journal.append(line("web", "w2", 3));
        journal.append(line("api", "a2", 4));
        journal.append(line("db", "d1", 5));

        assertEquals(List.of("a1", "w2", "a2"), texts(journal.output(Set.of("web", "api"), 3, Optional.empty()).lines()));
        assertEquals(List.of("w2", "a2", "d1"), texts(journal.output(Set.of(), 10, Optional.of(T0.plusSeconds(3))).lines()));
        assertEquals(6, journal.output(Set.of(), 1, Optional.empty()).upTo());
    }

    @Test
    void aServiceKeepsItsLastThousandLines() {
        for (int i = 1; i <= EventJournal.MAX_LINES + 1; i++) {
            journal.append(line("web", "line " + i, i));
        }
        List<String> held = texts(journal.output(Set.of("web"), Integer.MAX_VALUE, Optional.empty()).lines());
        assertEquals(EventJournal.MAX_LINES, held.size());
        assertEquals("line 2", held.get(0));
    }

    private static StackEvent.Output line(String service, String text, int second) {
        return new StackEvent.Output(T0.plusSeconds(second), service, OutputSource.STDOUT, text);
    }

    private static List<String> texts(List<NumberedEvent> lines) {
        return lines.stream().map(line -> ((StackEvent.Output) line.event()).line()).toList();
    }

    private static final class Recorder implements JournalListener {

        final List<Long> sequences = new ArrayList<>();
        final List<String> missed = new ArrayList<>();

        @Override
        public void on(NumberedEvent event) {
            sequences.add(event.sequence());
        }

        @Override
        public void missed(long first, long last) {
            missed.add(first + "-" + last);
        }
    }
}
