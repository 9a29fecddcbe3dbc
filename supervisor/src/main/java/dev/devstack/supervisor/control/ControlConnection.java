package dev.devstack.supervisor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.model.JournalListener;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.OutputHistory;
import dev.devstack.supervisor.model.RunningStack;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.Subscription;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * One client of the control socket, on a thread of its own: the hello, then requests and their
 * replies, until the client closes or a request turns the connection into a stream (subscribe,
 * logs that follow), which lasts until the client closes. A deadline guards every wait on the
 * client: {@link ControlServer}'s watchdog closes a connection that passes it.
 */
final class ControlConnection {

    static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_LOG_LINES = 100;
    /** A terminal's columns and rows are unsigned shorts (struct winsize). */
    static final int MAX_TERMINAL_SIDE = 65_535;

    private final SocketChannel channel;
    private final RunningStack stack;
    private final long pid;
    private final Optional<String> apiUrl;
    private volatile long deadline;
    private volatile Outbox streaming;
    private String client = "another terminal";

    ControlConnection(SocketChannel channel, RunningStack stack, long pid, Optional<String> apiUrl) {
        this.channel = channel;
        this.stack = stack;
        this.pid = pid;
        this.apiUrl = apiUrl;
    }

    /** Closes the connection if a wait on the client has passed its deadline. */
    void enforceDeadline(long now) {
        long due = deadline;
        if (due != 0 && now - due > 0) {
            close();
        }
    }

    /**
     * The stack has stopped: a stream gets an end line after what waits for it and is closed by its
     * writer once that is written; any other connection is closed now.
     */
    void finish(long sequence) {
        Outbox outbox = streaming;
        if (outbox != null) {
            outbox.finish(Replies.end(sequence));
        } else {
            close();
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket whose peer is gone
        }
    }

    void serve() {
        try (channel) {
            LineReader reader = new LineReader(channel);
            if (!greeted(reader)) {
                return;
            }
            while (true) {
                waitAtMost(IDLE_TIMEOUT);
                Optional<String> line;
                try {
                    line = reader.next();
                } catch (LineReader.TooLong e) {
                    deadline = 0;
                    write(Replies.refused(e.getMessage()));
                    continue;
                }
                deadline = 0;
                if (line.isEmpty() || !answer(line.get(), reader)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or was too slow and was closed by the watchdog
        }
    }

    private boolean greeted(LineReader reader) throws IOException {
        waitAtMost(HELLO_TIMEOUT);
        Optional<String> line = reader.next();
        deadline = 0;
        if (line.isEmpty()) {
            return false;
        }
        ControlRequest request;
        try {
            request = ControlMessages.request(line.get());
        } catch (JsonProcessingException e) {
            request = null;
        }
        if (!(request instanceof ControlRequest.Hello hello)) {
            write(Replies.refused("the first line must be a hello: {\"request\":\"hello\",\"protocol\":"
                    + ControlServer.PROTOCOL + "} (docs/protocol.md)"));
            return false;
        }
        if (hello.protocol() == null || hello.protocol() != ControlServer.PROTOCOL) {
            write(Replies.refused("this stack speaks control protocol " + ControlServer.PROTOCOL + ", the client "
                    + (hello.protocol() == null ? "did not say which" : hello.protocol())
                    + ": use the devstack that started the stack (its pid is " + pid + ")"));
            return false;
        }
        if (hello.client() != null && !hello.client().isBlank()) {
            client = hello.client();
        }
        StackSnapshot snapshot = stack.snapshot();
        write(Replies.hello(snapshot.project(), snapshot.instance(), pid, apiUrl));
        return true;
    }

    /** Answers one request; false when the connection has ended (it became a stream that ended). */
    private boolean answer(String line, LineReader reader) throws IOException {
        ControlRequest request;
        try {
            request = ControlMessages.request(line);
        } catch (InvalidTypeIdException e) {
            write(Replies.refused("unknown request " + (e.getTypeId() == null ? "(none)" : "\"" + e.getTypeId() + "\"")
                    + "; this stack knows: " + String.join(", ", ControlRequest.NAMES)));
            return true;
        } catch (JsonProcessingException e) {
            write(Replies.refused("not a request (one JSON object per line, docs/protocol.md): " + e.getOriginalMessage()));
            return true;
        }
        if (request instanceof ControlRequest.Hello) {
            write(Replies.refused("hello was said already; send a request"));
        } else if (request instanceof ControlRequest.Snapshot) {
            write(Replies.snapshot(stack.lastSequence(), stack.snapshot()));
        } else if (request instanceof ControlRequest.Subscribe subscribe) {
            subscribe(subscribe, reader);
            return false;
        } else if (request instanceof ControlRequest.Logs logs) {
            return logs(logs, reader);
        } else if (request instanceof ControlRequest.Act act) {
            act(act);
        } else if (request instanceof ControlRequest.Reload reload) {
            write(Replies.reloaded(stack.reload(Optional.of(by(reload.by()))).join()));
        } else if (request instanceof ControlRequest.Scale scale) {
            if (scale.service() == null || scale.replicas() == null) {
                write(Replies.refused("a scale names the \"service\" and its number of \"replicas\""));
            } else {
                write(Replies.reloaded(stack.scale(scale.service(), scale.replicas(), Optional.of(by(scale.by()))).join()));
            }
        } else if (request instanceof ControlRequest.Input input) {
            input(input);
        } else if (request instanceof ControlRequest.Resize resize) {
            resize(resize);
        } else if (request instanceof ControlRequest.Inspect inspect) {
            inspect(inspect);
        } else {
            ControlRequest.Down down = (ControlRequest.Down) request;
            stack.notice("", "stop of the stack asked by " + by(down.by()));
            stack.stop();
            write(Replies.done());
        }
        return true;
    }

    private void inspect(ControlRequest.Inspect inspect) throws IOException {
        if (inspect.service() == null || inspect.service().isBlank()) {
            write(Replies.refused("an inspect names the \"service\" (a unit: api, or api.1 of a service with replicas)"));
            return;
        }
        ServiceInspection inspection;
        try {
            inspection = stack.inspect(inspect.service()).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            write(Replies.refused(cause instanceof DevstackException known ? known.getMessage()
                    : "`" + inspect.service() + "` could not be inspected (" + cause + "); try again"));
            return;
        }
        write(Replies.inspection(inspection));
    }

    private void act(ControlRequest.Act act) throws IOException {
        if (act.services() == null || act.services().isEmpty()) {
            write(Replies.refused("name one or more services, or \"*\" for every one"));
            return;
        }
        List<String> units;
        try {
            units = ServiceSelection.select(stack.snapshot().services(), act.services());
        } catch (IllegalArgumentException e) {
            write(Replies.refused(e.getMessage()));
            return;
        }
        String by = by(act.by());
        for (String unit : units) {
            if (act instanceof ControlRequest.Act.Start) {
                stack.notice(unit, "start asked by " + by);
                stack.startService(unit);
            } else if (act instanceof ControlRequest.Act.Stop) {
                stack.notice(unit, "stop asked by " + by + "; it stays stopped until started again (`devstack start "
                        + unit + "`)");
                stack.stopService(unit, Optional.of(by));
            } else if (act instanceof ControlRequest.Act.Restart) {
                stack.notice(unit, "restart asked by " + by);
                stack.restartService(unit);
            } else {
                stack.notice(unit, "kill asked by " + by);
                stack.killService(unit);
            }
        }
        write(Replies.acted(units));
    }

    /** One unit, by its exact name (typing into several at once is never what a user means). */
    private void input(ControlRequest.Input input) throws IOException {
        if (input.service() == null || input.line() == null) {
            write(Replies.refused("an input names the \"service\" (one unit, e.g. \"api\" or \"api.1\") and the"
                    + " \"line\" to type"));
            return;
        }
        List<String> units = stack.snapshot().services().stream().map(ServiceSnapshot::name).toList();
        if (!units.contains(input.service())) {
            write(Replies.refused("no unit of this stack is called \"" + input.service() + "\"; it has: "
                    + String.join(", ", units)));
            return;
        }
        if (input.line().indexOf('\n') >= 0 || input.line().indexOf('\r') >= 0) {
            write(Replies.refused("a \"line\" holds no line break: send one input per line"));
            return;
        }
        stack.input(input.service(), input.line());
        write(Replies.done());
    }

    private void resize(ControlRequest.Resize resize) throws IOException {
        if (resize.columns() == null || resize.rows() == null || resize.columns() < 1 || resize.rows() < 1
                || resize.columns() > MAX_TERMINAL_SIDE || resize.rows() > MAX_TERMINAL_SIDE) {
            write(Replies.refused("a resize gives \"columns\" and \"rows\", each 1 to " + MAX_TERMINAL_SIDE));
            return;
        }
        stack.resizeTerminals(resize.columns(), resize.rows());
        write(Replies.done());
    }

    private boolean logs(ControlRequest.Logs logs, LineReader reader) throws IOException {
        Set<String> units;
        Optional<Instant> since;
        try {
            units = logs.services() == null || logs.services().isEmpty() ? Set.of()
                    : new HashSet<>(ServiceSelection.select(stack.snapshot().services(), logs.services()));
            since = logs.since() == null ? Optional.empty() : Optional.of(Instant.parse(logs.since()));
        } catch (IllegalArgumentException e) {
            write(Replies.refused(e.getMessage()));
            return true;
        } catch (DateTimeParseException e) {
            write(Replies.refused("\"since\" must be an ISO-8601 instant such as 2026-11-30T10:15:30Z, got \""
                    + logs.since() + "\""));
            return true;
        }
        int count = logs.lines() == null ? DEFAULT_LOG_LINES : Math.max(0, logs.lines());
        OutputHistory history = stack.output(units, count, since);
        if (!logs.follow()) {
            write(Replies.snapshot(history.upTo(), null));
            for (NumberedEvent line : history.lines()) {
                write(Replies.event(line));
            }
            write(Replies.end(history.upTo()));
            return true;
        }
        Predicate<StackEvent> wanted = event -> event instanceof StackEvent.Output output
                && (units.isEmpty() || units.contains(output.service()));
        write(Replies.snapshot(history.upTo(), null));
        for (NumberedEvent line : history.lines()) {
            write(Replies.event(line));
        }
        stream(new Outbox(), history.upTo(), wanted, false, reader);
        return false;
    }

    private void subscribe(ControlRequest.Subscribe subscribe, LineReader reader) throws IOException {
        long now = stack.lastSequence();
        Outbox outbox = new Outbox();
        outbox.offer(Replies.snapshot(now, subscribe.snapshots() ? stack.snapshot() : null));
        stream(outbox, subscribe.after() == null ? now : Math.max(0, subscribe.after()), event -> true,
                subscribe.snapshots(), reader);
    }

    /**
     * Writes what the journal delivers after {@code after} (and what the outbox holds already) on a
     * writer thread of its own, until the client closes, which this thread waits for.
     */
    private void stream(Outbox outbox, long after, Predicate<StackEvent> wanted, boolean snapshots, LineReader reader)
            throws IOException {
        streaming = outbox;
        Thread writer = new Thread(() -> drain(outbox), "devstack-control-stream");
        writer.setDaemon(true);
        writer.start();
        try (Subscription ignored = stack.follow(after, new Forwarder(outbox, wanted, snapshots))) {
            while (reader.next().isPresent()) {
                // a stream takes no more requests; what the client sends is read only to notice its end
            }
        } finally {
            outbox.close();
        }
    }

    private void drain(Outbox outbox) {
        try {
            for (String line = outbox.take(); line != null; line = outbox.take()) {
                write(line);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            close();
        }
    }

    private void waitAtMost(Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        waitAtMost(WRITE_TIMEOUT);
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } finally {
            deadline = 0;
        }
    }

    private String by(String asked) {
        return asked != null && !asked.isBlank() ? asked : client;
    }

    /** Hands the journal's events to the outbox, on the events thread; never waits. */
    private final class Forwarder implements JournalListener {

        private final Outbox outbox;
        private final Predicate<StackEvent> wanted;
        private final boolean snapshots;
        private StackSnapshot lastSent;

        Forwarder(Outbox outbox, Predicate<StackEvent> wanted, boolean snapshots) {
            this.outbox = outbox;
            this.wanted = wanted;
            this.snapshots = snapshots;
            this.lastSent = snapshots ? stack.snapshot() : null;
        }

        @Override
        public void on(NumberedEvent event) {
            if (!wanted.test(event.event()) || !outbox.offer(event)) {
                return;
            }
            if (snapshots && !(event.event() instanceof StackEvent.Output)) {
                StackSnapshot now = stack.snapshot();
                if (now != lastSent) {
                    lastSent = now;
                    outbox.offer(now);
                }
            }
        }

        @Override
        public void missed(long first, long last) {
            outbox.offer(Replies.missed(first, last));
        }
    }
}
