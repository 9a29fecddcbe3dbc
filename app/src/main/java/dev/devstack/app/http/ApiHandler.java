package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.devstack.supervisor.json.ReloadOutcomeJson;
import dev.devstack.supervisor.json.StackEventJson;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.json.ServiceSnapshotJson;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.OutputHistory;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ReloadText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackJournal;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.StackView;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Every request of the HTTP API: the Host check first, then the route, its method, the token for
 * an action, and the answer (docs/protocol.md). Reads are answered from documents written once
 * per snapshot; actions go to {@link StackControl} and are answered at once, their effects
 * arriving as events, except a reload, answered with its outcome.
 */
final class ApiHandler implements HttpHandler {

    /** As many lines of a service as the journal holds. */
    private static final int MAX_LINES = 1_000;
    private static final int DEFAULT_LINES = 100;
    private static final List<String> SERVICE_ACTIONS = List.of("start", "stop", "restart", "kill");

    private final StackView view;
    private final StackJournal journal;
    private final StackControl control;
    private final BiConsumer<String, String> notices;
    private final ApiToken token;
    private final CheckResults checks;
    private final EventStreams streams;
    private final Clock clock;
    private final Instant since;
    private final PerSnapshot ports;
    private final PerSnapshot services;

    ApiHandler(StackView view, StackJournal journal, StackControl control, BiConsumer<String, String> notices,
               ApiToken token, CheckResults checks, EventStreams streams, Clock clock, Optional<String> url) {
        this.view = view;
        this.journal = journal;
        this.control = control;
        this.notices = notices;
        this.token = token;
        this.checks = checks;
        this.streams = streams;
        this.clock = clock;
        this.since = clock.instant();
        this.ports = new PerSnapshot(snapshot -> PortsJson.write(snapshot, url));
        this.services = new PerSnapshot(snapshot -> ApiJson.success(json -> {
            json.writeObjectFieldStart("data");
            StackSnapshotJson.fields(json, snapshot);
            json.writeEndObject();
        }));
    }

    /** Every answer closes the exchange (a {@link Reply}, or an event stream's writer when it ends). */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Optional<String> host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"));
            if (!LoopbackHost.allowed(host)) {
                Reply.error(exchange, 403, "this API answers only requests to 127.0.0.1, localhost or [::1];"
                        + " the Host header named `" + host.orElse("") + "`");
                return;
            }
            route(exchange);
        } catch (RuntimeException e) {
            Reply.error(exchange, 500, "devstack could not answer " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> path = Arrays.stream(exchange.getRequestURI().getPath().split("/")).filter(s -> !s.isEmpty())
                .toList();
        Query query = Query.of(exchange.getRequestURI());
        if (path.size() < 2 || !path.get(0).equals("api")) {
            notFound(exchange, method);
            return;
        }
        String what = path.get(1);
        if (path.size() == 2 && what.equals("ports")) {
            get(exchange, method, () -> Reply.json(exchange, 200, ports.of(view.snapshot())));
        } else if (path.size() == 2 && what.equals("health")) {
            get(exchange, method, () -> health(exchange, query.flag("detailed")));
        } else if (path.size() == 2 && what.equals("services")) {
            get(exchange, method, () -> Reply.json(exchange, 200, services.of(view.snapshot())));
        } else if (path.size() == 2 && what.equals("events")) {
            get(exchange, method, () -> events(exchange, query));
        } else if (path.size() == 2 && what.equals("stop")) {
            post(exchange, method, () -> stopStack(exchange));
        } else if (path.size() == 2 && what.equals("reload")) {
            post(exchange, method, () -> reload(exchange));
        } else if (path.size() == 3 && what.equals("services")) {
            get(exchange, method, () -> service(exchange, path.get(2)));
        } else if (path.size() == 4 && what.equals("services") && path.get(3).equals("logs")) {
            get(exchange, method, () -> logs(exchange, path.get(2), query));
        } else if (path.size() == 4 && what.equals("services") && SERVICE_ACTIONS.contains(path.get(3))) {
            post(exchange, method, () -> act(exchange, path.get(2), path.get(3)));
        } else {
            notFound(exchange, method);
        }
    }

    @FunctionalInterface
    private interface Answer {
        void run() throws IOException;
    }

    private static void get(HttpExchange exchange, String method, Answer answer) throws IOException {
        if (method.equals("GET")) {
            answer.run();
        } else {
            wrongMethod(exchange, method, "GET");
        }
    }

    /** An action: the token first, so that a request without it learns nothing and changes nothing. */
    private void post(HttpExchange exchange, String method, Answer answer) throws IOException {
        if (!method.equals("POST")) {
            wrongMethod(exchange, method, "POST");
        } else if (!token.accepts(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"devstack\"");
            Reply.error(exchange, 401, "this action needs your devstack API token: send the contents of "
                    + token.file() + " as `Authorization: Bearer <token>`");
        } else {
            answer.run();
        }
    }

    private static void wrongMethod(HttpExchange exchange, String method, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        Reply.error(exchange, 405, method + " is not allowed on " + exchange.getRequestURI().getPath() + "; use "
                + allowed);
    }

    private static void notFound(HttpExchange exchange, String method) throws IOException {
        Reply.error(exchange, 404, "no endpoint " + method + " " + exchange.getRequestURI().getPath()
                + "; docs/protocol.md lists them");
    }

    private void health(HttpExchange exchange, boolean detailed) throws IOException {
        HealthJson.Health health = HealthJson.write(view.snapshot(), since, clock.instant(), detailed, checks);
        Reply.json(exchange, health.httpStatus(), health.body());
    }

    private void service(HttpExchange exchange, String name) throws IOException {
        Optional<ServiceSnapshot> service = known(exchange, view.snapshot(), name);
        if (service.isPresent()) {
            Reply.json(exchange, 200, ApiJson.success(json -> {
                json.writeFieldName("data");
                ServiceSnapshotJson.write(json, service.get());
            }));
        }
    }

    /** The service, or a 404 that lists the services there are. */
    private static Optional<ServiceSnapshot> known(HttpExchange exchange, StackSnapshot snapshot, String name)
            throws IOException {
        Optional<ServiceSnapshot> service = snapshot.service(name);
        if (service.isEmpty()) {
            Reply.error(exchange, 404, "no service `" + name + "` in " + snapshot.project() + "; its services: "
                    + snapshot.services().stream().map(ServiceSnapshot::name).collect(Collectors.joining(", ")));
        }
        return service;
    }

    private void events(HttpExchange exchange, Query query) throws IOException {
        OptionalLong after = lastEventId(exchange, query);
        if (after.isEmpty()) {
            return;
        }
        EventStream stream = new EventStream(event -> true);
        long from = after.getAsLong();
        if (from < 0 || from > journal.lastSequence()) {
            from = journal.lastSequence();
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

    private void logs(HttpExchange exchange, String name, Query query) throws IOException {
        if (known(exchange, view.snapshot(), name).isEmpty()) {
            return;
        }
        Optional<Integer> lines = lines(exchange, query);
        if (lines.isEmpty()) {
            return;
        }
        boolean follow = query.flag("follow");
        OptionalLong after = lastEventId(exchange, query);
        if (after.isEmpty()) {
            return;
        }
        EventStream stream = new EventStream(e -> e instanceof StackEvent.Output o && o.service().equals(name));
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

    private static Optional<Integer> lines(HttpExchange exchange, Query query) throws IOException {
        String given = query.get("lines").orElse(String.valueOf(DEFAULT_LINES));
        try {
            int lines = Integer.parseInt(given);
            if (lines >= 0 && lines <= MAX_LINES) {
                return Optional.of(lines);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        Reply.error(exchange, 400, "?lines must be a number from 0 to " + MAX_LINES + " (the lines devstack holds"
                + " per service), got `" + given + "`");
        return Optional.empty();
    }

    private void act(HttpExchange exchange, String name, String action) throws IOException {
        StackSnapshot snapshot = view.snapshot();
        if (known(exchange, snapshot, name).isEmpty() || stopping(exchange, snapshot, action)) {
            return;
        }
        notices.accept(name, action + " asked through the HTTP API");
        switch (action) {
            case "start" -> control.startService(name);
            case "stop" -> control.stopService(name, Optional.of("the HTTP API"));
            case "restart" -> control.restartService(name);
            default -> control.killService(name);
        }
        accepted(exchange, action, Optional.of(name));
    }

    private void stopStack(HttpExchange exchange) throws IOException {
        if (!stopping(exchange, view.snapshot(), "stop")) {
            notices.accept("", "stop asked through the HTTP API");
            control.stop();
            accepted(exchange, "stop", Optional.empty());
        }
    }

    /**
     * The stack reads its configuration again: 200 when applied, 422 when the file has problems, 409
     * when it refused; each with the outcome as data. Answered when the outcome comes, from the thread
     * that completes it, so that a reload waiting for the registry holds no request thread.
     */
    private void reload(HttpExchange exchange) {
        control.reload(Optional.of("the HTTP API")).whenComplete((outcome, failure) -> {
            try {
                if (failure != null) {
                    Reply.error(exchange, 500, "devstack could not reload the configuration: " + failure);
                } else if (outcome instanceof ReloadOutcome.Applied) {
                    Reply.json(exchange, 200, ApiJson.success(json -> ReloadOutcomeJson.write(json, "data", outcome)));
                } else {
                    Reply.json(exchange, outcome instanceof ReloadOutcome.Invalid ? 422 : 409, ApiJson.failure(
                            ReloadText.lines(outcome).get(0), json -> ReloadOutcomeJson.write(json, "data", outcome)));
                }
            } catch (IOException | RuntimeException clientGone) {
                // the client hung up while the stack reloaded: the outcome is in the stack's output all the same
                exchange.close();
            }
        });
    }

    /** A stack that is stopping takes no more requests: 409. */
    private static boolean stopping(HttpExchange exchange, StackSnapshot snapshot, String action) throws IOException {
        if (snapshot.phase() != StackPhase.STOPPING) {
            return false;
        }
        Reply.error(exchange, 409, "the stack is stopping, so it cannot " + action + " anything now");
        return true;
    }

    private static void accepted(HttpExchange exchange, String action, Optional<String> service) throws IOException {
        Reply.json(exchange, 202, ApiJson.success(json -> {
            json.writeObjectFieldStart("data");
            json.writeStringField("action", action);
            json.writeStringField("service", service.orElse(null));
            json.writeEndObject();
        }));
    }
}
