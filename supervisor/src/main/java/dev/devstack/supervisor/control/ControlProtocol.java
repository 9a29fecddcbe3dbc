package dev.devstack.supervisor.control;

import dev.devstack.supervisor.run.StackControl;
import dev.devstack.supervisor.run.StackView;

/**
 * The requests a running stack answers on its control socket, one line each way:
 * <pre>
 * ping          → ok PROJECT INSTANCE
 * stop SERVICE  → ok         (the service is stopped and not restarted until asked)
 *               → error MESSAGE
 * </pre>
 */
final class ControlProtocol {

    static final String OK = "ok";
    static final String ERROR = "error";

    private final StackView view;
    private final StackControl control;

    ControlProtocol(StackView view, StackControl control) {
        this.view = view;
        this.control = control;
    }

    String answer(String request) {
        String[] words = request.strip().split(" ", 2);
        return switch (words[0]) {
            case "ping" -> OK + " " + view.snapshot().project() + " " + view.snapshot().instance();
            case "stop" -> stop(words.length > 1 ? words[1].strip() : "");
            default -> ERROR + " unknown request \"" + words[0] + "\"; this devstack knows: ping, stop SERVICE";
        };
    }

    private String stop(String service) {
        if (view.snapshot().service(service).isEmpty()) {
            return ERROR + " this stack has no service \"" + service + "\"";
        }
        control.stopService(service);
        return OK;
    }
}
