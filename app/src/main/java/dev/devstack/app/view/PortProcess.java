package dev.devstack.app.view;

/**
 * A process that listens on a port: its pid, its command line (empty when it is another user's) and
 * how devstack's messages name it ("pid 1234 (python3 app.py, user dev)").
 */
public record PortProcess(long pid, String commandLine, String description) {
}
