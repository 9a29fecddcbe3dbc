package dev.devstack.supervisor.control;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a client asks of a running stack: one JSON object on one line, named by its {@code request} field. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "request")
@JsonSubTypes({@JsonSubTypes.Type(value = ControlRequest.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = ControlRequest.StopService.class, name = "stop")})
sealed interface ControlRequest {

    /** Is anyone there? Answered with the stack's project and instance. */
    record Ping() implements ControlRequest {
    }

    /**
     * Stop {@code service} and do not restart it until asked; {@code by} (who asks, such as
     * "`devstack kill 3000`") is told in the stack's output, and may be null.
     */
    record StopService(String service, String by) implements ControlRequest {
    }
}
