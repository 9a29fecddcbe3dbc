package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.JournalListener;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.OutputHistory;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.Subscription;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Numbers the events the {@link EventBus} delivers and holds the last {@link #MAX_EVENTS} of them
 * (at most {@link #MAX_EVENT_CHARS} characters of output among them: a line may be 64 Ki
 * characters long), and the last {@link #MAX_LINES} lines (at most {@link #MAX_CHARS} characters)
 * of each service,
 * for the followers of {@link dev.devstack.supervisor.model.StackJournal}. Appending and
 * delivering to followers happen under one lock, which a new follower takes too: so it gets what
 * it asked for that is held, then every new event, none twice and none lost.
 */
final class EventJournal {

    static final int MAX_EVENTS = 10_000;
    static final long MAX_EVENT_CHARS = 16L * 1024 * 1024;
    static final int MAX_LINES = 1_000;
    static final long MAX_CHARS = 2L * 1024 * 1024;

    private final ArrayDeque<NumberedEvent> events = new ArrayDeque<>();
    private final Map<String, ServiceLines> lines = new HashMap<>();
    private final List<JournalListener> followers = new CopyOnWriteArrayList<>();
    private long last;
    private long eventChars;

    /** Numbers the event, holds it, and hands it to every follower. On the events thread. */
    synchronized void append(StackEvent event) {
        NumberedEvent numbered = new NumberedEvent(++last, event);
        events.addLast(numbered);
        eventChars += chars(event);
        while (events.size() > MAX_EVENTS || (eventChars > MAX_EVENT_CHARS && events.size() > 1)) {
            eventChars -= chars(events.removeFirst().event());
        }
        if (event instanceof StackEvent.Output output) {
            lines.computeIfAbsent(output.service(), service -> new ServiceLines()).add(numbered, output);
        }
        for (JournalListener follower : followers) {
            try {
                follower.on(numbered);
            } catch (RuntimeException e) {
                followers.remove(follower);
            }
        }
    }

    private static long chars(StackEvent event) {
        return event instanceof StackEvent.Output output ? output.line().length() : 0;
    }

    synchronized long lastSequence() {
        return last;
    }

    synchronized Subscription follow(long after, JournalListener listener) {
        long firstHeld = events.isEmpty() ? last + 1 : events.getFirst().sequence();
        if (after + 1 < firstHeld) {
            listener.missed(after + 1, firstHeld - 1);
        }
        for (NumberedEvent event : events) {
            if (event.sequence() > after) {
                listener.on(event);
            }
        }
        followers.add(listener);
        return () -> followers.remove(listener);
    }

    synchronized OutputHistory output(Set<String> services, int count, Optional<Instant> since) {
        List<NumberedEvent> found = new ArrayList<>();
        lines.forEach((service, held) -> {
            if (services.isEmpty() || services.contains(service)) {
                held.lines.stream().filter(line -> since.isEmpty()
                        || !((StackEvent.Output) line.event()).at().isBefore(since.get())).forEach(found::add);
            }
        });
        found.sort(Comparator.comparingLong(NumberedEvent::sequence));
        return new OutputHistory(found.subList(Math.max(0, found.size() - count), found.size()), last);
    }

    /** One service's last lines, at most {@link #MAX_LINES} and {@link #MAX_CHARS} characters. */
    private static final class ServiceLines {

        private final ArrayDeque<NumberedEvent> lines = new ArrayDeque<>();
        private long chars;

        void add(NumberedEvent numbered, StackEvent.Output output) {
            lines.addLast(numbered);
            chars += output.line().length();
            while (lines.size() > MAX_LINES || (chars > MAX_CHARS && lines.size() > 1)) {
                chars -= ((StackEvent.Output) lines.removeFirst().event()).line().length();
            }
        }
    }
}
