package dev.devstack.supervisor.control;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What a client asks of a running stack: one JSON object on one line, named by its
 * {@code request} field (docs/protocol.md). Absent fields are null (or 0, false), and each request
 * says what that means.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "request")
@JsonSubTypes({@JsonSubTypes.Type(value = ControlRequest.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = ControlRequest.Snapshot.class, name = "snapshot"),
        @JsonSubTypes.Type(value = ControlRequest.Subscribe.class, name = "subscribe"),
        @JsonSubTypes.Type(value = ControlRequest.Logs.class, name = "logs"),
        @JsonSubTypes.Type(value = ControlRequest.Act.Start.class, name = "start"),
        @JsonSubTypes.Type(value = ControlRequest.Act.Stop.class, name = "stop"),
        @JsonSubTypes.Type(value = ControlRequest.Act.Restart.class, name = "restart"),
        @JsonSubTypes.Type(value = ControlRequest.Act.Kill.class, name = "kill"),
        @JsonSubTypes.Type(value = ControlRequest.Reload.class, name = "reload"),
        @JsonSubTypes.Type(value = ControlRequest.Scale.class, name = "scale"),
        @JsonSubTypes.Type(value = ControlRequest.Input.class, name = "input"),
        @JsonSubTypes.Type(value = ControlRequest.Resize.class, name = "resize"),
        @JsonSubTypes.Type(value = ControlRequest.Inspect.class, name = "inspect"),
        @JsonSubTypes.Type(value = ControlRequest.Down.class, name = "down")})
public sealed interface ControlRequest {

    /** The names of every request, for the error that answers an unknown one. */
    List<String> NAMES = List.of("hello", "snapshot", "subscribe", "logs", "start", "stop", "restart", "kill", "reload",
            "scale", "input", "resize", "inspect", "down");

    /** The first line of every connection: the client's protocol version, and who it is (for messages). */
    record Hello(Integer protocol, String client) implements ControlRequest {
    }

    /** The stack now, with the number of the last event delivered. */
    record Snapshot() implements ControlRequest {
    }

    /**
     * Every event after number {@code after} (null: from now on) until the client closes the
     * connection; with {@code snapshots}, the whole snapshot first and again after each change.
     */
    record Subscribe(Long after, boolean snapshots) implements ControlRequest {
    }

    /**
     * The last {@code lines} lines (null: 100) of the services named or matched by the globs in
     * {@code services} (null or empty: all), printed at or after {@code since} (an ISO-8601 instant;
     * null: any time); then, with {@code follow}, each new line until the client closes.
     */
    record Logs(List<String> services, Integer lines, String since, boolean follow) implements ControlRequest {
    }

    /**
     * Something to be done to services, named or matched by globs ({@code *}, {@code ?}; a service
     * with replicas by its name matches every replica); {@code by}: who asks, told in the stack's output.
     */
    sealed interface Act extends ControlRequest {

        List<String> services();

        String by();

        record Start(List<String> services, String by) implements Act {
        }

        record Stop(List<String> services, String by) implements Act {
        }

        record Restart(List<String> services, String by) implements Act {
        }

        record Kill(List<String> services, String by) implements Act {
        }
    }

    /**
     * Read the configuration again and apply only the difference (docs/cli.md, reload); {@code by}:
     * who asks.
     */
    record Reload(String by) implements ControlRequest {
    }

    /** Run {@code replicas} of {@code service} from now on; {@code by}: who asks. */
    record Scale(String service, Integer replicas, String by) implements ControlRequest {
    }

    /** Type {@code line} (no line break) and Enter into one unit's standard input or terminal. */
    record Input(String service, String line) implements ControlRequest {
    }

    /** The size of the window the services' output is shown in, for every {@code tty: true} service's terminal. */
    record Resize(Integer columns, Integer rows) implements ControlRequest {
    }

    /** What one unit runs, with, and as what processes, now; secrets in its environment masked. */
    record Inspect(String service) implements ControlRequest {
    }

    /** Stop the whole stack, in reverse dependency order; {@code by}: who asks. */
    record Down(String by) implements ControlRequest {
    }
}
