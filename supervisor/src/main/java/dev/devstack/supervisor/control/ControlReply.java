package dev.devstack.supervisor.control;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A running stack's answer: {@code ok}, with the stack's {@code project} and {@code instance} for a
 * ping, or not, with an {@code error} that says why in words for the user.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ControlReply(boolean ok, String project, String instance, String error) {

    static ControlReply done() {
        return new ControlReply(true, null, null, null);
    }

    static ControlReply here(String project, String instance) {
        return new ControlReply(true, project, instance, null);
    }

    static ControlReply refused(String error) {
        return new ControlReply(false, null, null, error);
    }
}
