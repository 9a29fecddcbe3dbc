package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.devstack.supervisor.json.ReloadOutcomeJson;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.json.ServiceSnapshotJson;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ReloadText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackControl;
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
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Every request of the HTTP API: the Host check first, then the route, its method, the token for
 * an action, and the answer (docs/protocol.md). Reads are answered from documents written once
 * per snapshot; actions go to {@link StackControl} and are answered at once, their effects
 * arriving as events, except a reload, answered with its outcome.
 */
final class ApiHandler implements HttpHandler {

    private static final List<String> SERVICE_ACTIONS = List.of("start", "stop", "restart", "kill");

    private final StackView view;
    private final StackControl control;
    private final BiConsumer<String, String> notices;
    private final ActionAccess access;
    private final CheckResults checks;
    private final StreamAnswers streams;
    private final Clock clock;
    private final Instant since;
    private final PerSnapshot ports;
    private final PerSnapshot services;
    private final MachineViews machine;
    private final WebAssets assets = new WebAssets();

    ApiHandler(StackView view, StackJournal journal, StackControl control, BiConsumer<String, String> notices,
               ActionAccess access, CheckResults checks, EventStreams streams, Clock clock, Optional<String> url,
               OptionalInt agentPort, MachineViews machine) {
        this.view = view;
        this.control = control;
        this.notices = notices;
        this.access = access;
        this.machine = machine;
        this.checks = checks;
        this.streams = new StreamAnswers(view, journal, streams);
        this.clock = clock;
        this.since = clock.instant();
        this.ports = new PerSnapshot(snapshot -> PortsJson.write(snapshot, url, agentPort));
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
            get(exchange, method, () -> streams.events(exchange, query));
        } else if (path.size() == 2 && what.equals("stop")) {
            post(exchange, method, caller -> stopStack(exchange, caller));
        } else if (path.size() == 2 && what.equals("reload")) {
            post(exchange, method, caller -> reload(exchange, caller));
        } else if (path.size() == 3 && what.equals("services")) {
            get(exchange, method, () -> service(exchange, path.get(2)));
        } else if (path.size() == 4 && what.equals("services") && path.get(3).equals("logs")) {
            get(exchange, method, () -> streams.logs(exchange, path.get(2), query));
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
            Reply.json(exchange, 200, machine.ports().current());
        } catch (RuntimeException e) {
            Reply.error(exchange, 503, "devstack could not read the machine's ports: " + e.getMessage()
                    + "; `devstack ports --all` in a terminal says more");
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
    static Optional<ServiceSnapshot> known(HttpExchange exchange, StackSnapshot snapshot, String name)
            throws IOException {
        Optional<ServiceSnapshot> service = snapshot.service(name);
        if (service.isEmpty()) {
            Reply.error(exchange, 404, "no service `" + name + "` in " + snapshot.project() + "; its services: "
                    + snapshot.services().stream().map(ServiceSnapshot::name).collect(Collectors.joining(", ")));
        }
        return service;
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
