package dev.devstack.supervisor.run;

import java.nio.charset.StandardCharsets;

/**
 * What a user types into a service, and the size of the services' terminals (the dashboard's
 * output pane). A line that cannot be delivered is told as a notice naming the service and what
 * to do, as a refused request is. Runs on the engine thread; writes never wait.
 */
final class Consoles {

    private final StackState stack;

    Consoles(StackState stack) {
        this.stack = stack;
    }

    void type(String name, String line) {
        ServiceRuntime service = stack.services.get(name);
        if (service == null) {
            stack.notice("", "there is no service named " + name + " to type into; it has: "
                    + String.join(", ", stack.services.keySet()));
            return;
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            stack.notice(name, "a typed line cannot hold a line break; send each line on its own");
            return;
        }
        if (service.console == null && service.state().isAlive()) {
            stack.notice(name, "it was adopted from an earlier run, so devstack holds no way into its input; restart it"
                    + " (`devstack restart " + name + "`) to type into it");
            return;
        }
        if (service.console == null || !service.state().isAlive()) {
            stack.notice(name, "it is " + service.state().word() + ", so it reads no input; start it first"
                    + " (`devstack start " + name + "`), then type again");
            return;
        }
        int bytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (bytes > ServiceConsole.LINE_BYTES) {
            stack.notice(name, "a line typed into " + name + " may have at most " + ServiceConsole.LINE_BYTES
                    + " bytes with its Enter (PIPE_BUF, so that it arrives whole); this one has " + bytes
                    + ", so it was not sent: send it in shorter lines, or put it in a file the service reads");
            return;
        }
        ServiceConsole.Delivery delivery;
        try {
            delivery = service.console.type(line);
        } catch (NativeFiles.Failure e) {
            stack.notice(name, "the line could not be written to its input (" + e.getMessage() + "); restart it"
                    + " (`devstack restart " + name + "`) to type into it again");
            return;
        }
        switch (delivery) {
            case TAKEN -> {
            }
            case FULL -> stack.notice(name, "it does not read its input: what was typed before still waits, and the line"
                    + " was not taken; check that its command reads stdin");
            case CLOSED -> stack.notice(name, "it has closed its input, so the line was not delivered; restart it"
                    + " (`devstack restart " + name + "`) to type into it again");
        }
    }

    /** Every running terminal takes the size now; those started later begin with it. */
    void resize(int columns, int rows) {
        TerminalSize size;
        try {
            size = new TerminalSize(columns, rows);
        } catch (IllegalArgumentException e) {
            stack.notice("", "terminal size not changed: " + e.getMessage());
            return;
        }
        stack.terminalSize = size;
        for (ServiceRuntime service : stack.services.values()) {
            if (service.console != null && service.console.terminal()) {
                try {
                    service.console.resize(size);
                } catch (NativeFiles.Failure e) {
                    stack.notice(service.name(), "its terminal could not take the size " + columns + "x" + rows
                            + " (" + e.getMessage() + ")");
                }
            }
        }
    }

    /** The stack is closing: every service's input ends. */
    void closeAll() {
        stack.services.values().forEach(ServiceRuntime::closeConsole);
    }
}
