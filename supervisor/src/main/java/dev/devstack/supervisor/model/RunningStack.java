package dev.devstack.supervisor.model;

/**
 * Everything a client of a running stack may see and ask (the control socket, the HTTP API):
 * its snapshot and events, its numbered journal, what a user may do to it, and a way to tell
 * its own output who asked for what.
 */
public interface RunningStack extends StackView, StackJournal, StackControl {

    /** Publishes a message from devstack about one service, or (service empty) the whole stack. */
    void notice(String service, String message);
}
