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
    /** As many lines of the whole stack as a new event stream may ask to start with. */
    private static final int MAX_HISTORY = 5_000;
    private static final List<String> SERVICE_ACTIONS = List.of("start", "stop", "restart", "kill");

    private final StackView view;
    private final StackJournal journal;
    private final StackControl control;
    private final BiConsumer<String, String> notices;
    private final ActionAccess access;
    private final CheckResults checks;
    private final EventStreams streams;
    private final Clock clock;
    private final Instant since;
    private final PerSnapshot ports;
    private final PerSnapshot services;
    private final MachineViews machine;
    private final WebAssets assets = new WebAssets();

    ApiHandler(StackView view, StackJournal journal, StackControl control, BiConsumer<String, String> notices,
               ActionAccess access, CheckResults checks, EventStreams streams, Clock clock, Optional<String> url,
               MachineViews machine) {
        this.view = view;
        this.journal = journal;
        this.control = control;
        this.notices = notices;
        this.access = access;
        this.machine = machine;
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
        if (path.isEmpty()) {
            page(exchange, method, "index.html");
            return;
        }
        if (path.size() == 2 && path.get(0).equals("web")) {
            page(exchange, method, path.get(1));
            return;
        }
        if (path.size() < 2 || !path.get(0).equals("api")) {
            notFound(exchange, method);
            return;
        }
        String what = path.get(1);
        if (path.size() == 3 && what.equals("web") && path.get(2).equals("session")) {
            WebSession.answer(exchange, method, access);
        } else if (path.size() == 2 && what.equals("usage")) {
            get(exchange, method, () -> Reply.json(exchange, 200, machine.usage().current()));
        } else if (path.size() == 3 && what.equals("machine") && path.get(2).equals("ports")) {
            get(exchange, method, () -> machinePorts(exchange));
        } else if (path.size() == 2 && what.equals("ports")) {
            get(exchange, method, () -> Reply.json(exchange, 200, ports.of(view.snapshot())));
        } else if (path.size() == 2 && what.equals("health")) {
            get(exchange, method, () -> health(exchange, query.flag("detailed")));
        } else if (path.size() == 2 && what.equals("services")) {
            get(exchange, method, () -> Reply.json(exchange, 200, services.of(view.snapshot())));
        } else if (path.size() == 2 && what.equals("events")) {
            get(exchange, method, () -> events(exchange, query));
        } else if (path.size() == 2 && what.equals("stop")) {
            post(exchange, method, caller -> stopStack(exchange, caller));
        } else if (path.size() == 2 && what.equals("reload")) {
            post(exchange, method, caller -> reload(exchange, caller));
        } else if (path.size() == 3 && what.equals("services")) {
            get(exchange, method, () -> service(exchange, path.get(2)));
        } else if (path.size() == 4 && what.equals("services") && path.get(3).equals("logs")) {
            get(exchange, method, () -> logs(exchange, path.get(2), query));
        } else if (path.size() == 4 && what.equals("services") && SERVICE_ACTIONS.contains(path.get(3))) {
            post(exchange, method, caller -> act(exchange, path.get(2), path.get(3), caller));
        } else {
            notFound(exchange, method);
        }
    }

    @FunctionalInterface
    private interface Answer {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface Action {
        void run(Caller caller) throws IOException;
    }

    /** The web page's files answer GET and HEAD. */
    private void page(HttpExchange exchange, String method, String name) throws IOException {
        if (method.equals("GET") || method.equals("HEAD")) {
            assets.serve(exchange, name);
        } else {
            wrongMethod(exchange, method, "GET");
        }
    }

    private void machinePorts(HttpExchange exchange) throws IOException {
        try {
            Reply.json(exchange, 200, MachinePortsDocument.write(machine.ports().read()));
        } catch (RuntimeException e) {
            Reply.error(exchange, 503, "devstack could not read the machine's ports: " + e.getMessage());
        }
    }

    private static void get(HttpExchange exchange, String method, Answer answer) throws IOException {
        if (method.equals("GET")) {
            answer.run();
        } else {
            wrongMethod(exchange, method, "GET");
        }
    }

    /**
     * An action: who asks first (the token, or the web page's cookie), so that a request without
     * either learns nothing and changes nothing.
     */
    private void post(HttpExchange exchange, String method, Action action) throws IOException {
        if (!method.equals("POST")) {
            wrongMethod(exchange, method, "POST");
            return;
        }
        Optional<Caller> caller = access.caller(exchange);
        if (caller.isEmpty() && access.holdsPass(exchange)) {
            Reply.error(exchange, 403, "the web page's pass came from the page at `" + ActionAccess.origin(exchange)
                    + "`; only the stack's own page (" + ActionAccess.ownOrigin(exchange) + ") may act with it");
        } else if (caller.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"devstack\"");
            Reply.error(exchange, 401, "this action needs your devstack API token: send the contents of "
                    + access.token().file() + " as `Authorization: Bearer <token>`, or open the web page with"
                    + " `devstack web`");
        } else {
            action.run(caller.get());
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

    /**
     * A new client (or one whose number this stack never gave) gets the stack's last {@code ?lines}
     * of output and then the whole snapshot; {@code ?snapshots=true} sends it again after each change.
     */
    private void events(HttpExchange exchange, Query query) throws IOException {
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

    private void logs(HttpExchange exchange, String name, Query query) throws IOException {
        if (known(exchange, view.snapshot(), name).isEmpty()) {
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

    private void act(HttpExchange exchange, String name, String action, Caller caller) throws IOException {
        StackSnapshot snapshot = view.snapshot();
        if (known(exchange, snapshot, name).isEmpty() || stopping(exchange, snapshot, action)) {
            return;
        }
        notices.accept(name, action + " asked by " + caller.words());
        switch (action) {
            case "start" -> control.startService(name);
            case "stop" -> control.stopService(name, Optional.of(caller.words()));
            case "restart" -> control.restartService(name);
            default -> control.killService(name);
        }
        accepted(exchange, action, Optional.of(name));
    }

    private void stopStack(HttpExchange exchange, Caller caller) throws IOException {
        if (!stopping(exchange, view.snapshot(), "stop")) {
            notices.accept("", "stop of the stack asked by " + caller.words());
            control.stop();
            accepted(exchange, "stop", Optional.empty());
        }
    }

    /**
     * The stack reads its configuration again: 200 when applied, 422 when the file has problems, 409
     * when it refused; each with the outcome as data. Answered when the outcome comes, from the thread
     * that completes it, so that a reload waiting for the registry holds no request thread.
     */
    private void reload(HttpExchange exchange, Caller caller) {
        control.reload(Optional.of(caller.words())).whenComplete((outcome, failure) -> {
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
