package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import dev.devstack.supervisor.json.StackEventJson;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.OutputHistory;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackJournal;
import dev.devstack.supervisor.model.StackView;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The answers that follow the journal: {@code GET /api/events} and a service's logs
 * ({@code GET /api/services/NAME/logs}, {@code ?follow} as an event stream); their parameters
 * ({@code Last-Event-ID} or {@code ?after}, {@code ?lines}, {@code ?snapshots}) are checked here.
 */
final class StreamAnswers {

    /** As many lines of a service as the journal holds. */
    private static final int MAX_LINES = 1_000;
    private static final int DEFAULT_LINES = 100;
    /** As many lines of the whole stack as a new event stream may ask to start with. */
    private static final int MAX_HISTORY = 5_000;

    private final StackView view;
    private final StackJournal journal;
    private final EventStreams streams;

    StreamAnswers(StackView view, StackJournal journal, EventStreams streams) {
        this.view = view;
        this.journal = journal;
        this.streams = streams;
    }

    /**
     * A new client (or one whose number this stack never gave) gets the stack's last {@code ?lines}
     * of output and then the whole snapshot; {@code ?snapshots=true} sends it again after each change.
     */
    void events(HttpExchange exchange, Query query) throws IOException {
        OptionalLong after = lastEventId(exchange, query);
        Optional<Integer> lines = after.isEmpty() ? Optional.empty() : count(exchange, query, 0, MAX_HISTORY,
                "the lines of output devstack sends a new event stream");
        if (lines.isEmpty()) {
            return;
        }
        EventStream stream = new EventStream(event -> true,
                query.flag("snapshots") ? Optional.of(view::snapshot) : Optional.empty());
        long from = after.getAsLong();
        if (from < 0 || from > journal.lastSequence()) {
            OutputHistory history = journal.output(Set.of(), lines.get(), Optional.empty());
            stream.history(history.lines());
            from = history.upTo();
            stream.snapshot(from, view.snapshot());
        }
        streams.serve(exchange, stream, journal, from);
    }

    /**
     * {@code Last-Event-ID} (a reconnecting EventSource), else {@code ?after=N}; -1 for a new client;
     * empty after answering 400 to a number that is none.
     */
    private static OptionalLong lastEventId(HttpExchange exchange, Query query) throws IOException {
        Optional<String> given = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Last-Event-ID"))
                .or(() -> query.get("after"));
        if (given.isEmpty()) {
            return OptionalLong.of(-1);
        }
        try {
            return OptionalLong.of(Long.parseLong(given.get().trim()));
        } catch (NumberFormatException e) {
            Reply.error(exchange, 400, "Last-Event-ID (or ?after) must be the number of an event, got `"
                    + given.get() + "`");
            return OptionalLong.empty();
        }
    }

    void logs(HttpExchange exchange, String name, Query query) throws IOException {
        if (ApiHandler.known(exchange, view.snapshot(), name).isEmpty()) {
            return;
        }
        Optional<Integer> lines = count(exchange, query, DEFAULT_LINES, MAX_LINES, "the lines devstack holds per service");
        if (lines.isEmpty()) {
            return;
        }
        boolean follow = query.flag("follow");
        OptionalLong after = lastEventId(exchange, query);
        if (after.isEmpty()) {
            return;
        }
        EventStream stream = new EventStream(e -> e instanceof StackEvent.Output o && o.service().equals(name),
                Optional.empty());
        if (follow && after.getAsLong() >= 0) {
            streams.serve(exchange, stream, journal, after.getAsLong());
            return;
        }
        OutputHistory history = journal.output(Set.of(name), lines.get(), Optional.empty());
        if (follow) {
            stream.history(history.lines());
            streams.serve(exchange, stream, journal, history.upTo());
            return;
        }
        Reply.json(exchange, 200, ApiJson.success(json -> {
            json.writeObjectFieldStart("data");
            json.writeStringField("service", name);
            json.writeNumberField("up_to", history.upTo());
            json.writeArrayFieldStart("lines");
            for (NumberedEvent line : history.lines()) {
                json.writeStartObject();
                StackEventJson.fields(json, line.event());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    /** {@code ?lines}, from 0 to {@code max} ({@code what} says why that many); empty after answering 400. */
    private static Optional<Integer> count(HttpExchange exchange, Query query, int fallback, int max, String what)
            throws IOException {
        String given = query.get("lines").orElse(String.valueOf(fallback));
        try {
            int lines = Integer.parseInt(given);
            if (lines >= 0 && lines <= max) {
                return Optional.of(lines);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        Reply.error(exchange, 400, "?lines must be a number from 0 to " + max + " (" + what + "), got `" + given + "`");
        return Optional.empty();
    }
}
