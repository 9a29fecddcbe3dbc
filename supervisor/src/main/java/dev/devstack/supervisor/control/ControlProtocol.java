package dev.devstack.supervisor.control;

import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackView;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The requests a running stack answers on its control socket, one line each way:
 * <pre>
 * ping              → ok PROJECT INSTANCE
 * stop SERVICE [BY]  → ok         (the service is stopped and not restarted until asked;
 *                                   BY, who asked, and how to start it again are told in
 *                                   the stack's output)
 *                   → error MESSAGE
 * </pre>
 */
final class ControlProtocol {

    static final String OK = "ok";
    static final String ERROR = "error";

    private final StackView view;
    private final StackControl control;
    private final BiConsumer<String, String> notices;
    private final boolean dashboard;

    /**
     * @param notices where a request is told in the stack's output, by service and message
     * @param dashboard whether the stack is shown in a dashboard, where a stopped service can be started again
     */
    ControlProtocol(StackView view, StackControl control, BiConsumer<String, String> notices, boolean dashboard) {
        this.view = view;
        this.control = control;
        this.notices = notices;
        this.dashboard = dashboard;
    }

    String answer(String request) {
        String[] words = request.strip().split(" ", 2);
        return switch (words[0]) {
            case "ping" -> OK + " " + view.snapshot().project() + " " + view.snapshot().instance();
            case "stop" -> stop(words.length > 1 ? words[1].strip() : "");
            default -> ERROR + " unknown request \"" + words[0] + "\"; this devstack knows: ping, stop SERVICE";
        };
    }

    private String stop(String arguments) {
        String[] parts = arguments.split(" ", 2);
        String service = parts[0];
        if (view.snapshot().service(service).isEmpty()) {
            return ERROR + " this stack has no service \"" + service + "\"";
        }
        notices.accept(service, "stop asked" + (parts.length > 1 ? " by " + parts[1].strip() : " from another terminal")
                + "; it stays stopped: " + (dashboard ? "`s` in the dashboard starts it again"
                : "it runs again at the next `devstack up`"));
        control.stopService(service, parts.length > 1 ? Optional.of(parts[1].strip()) : Optional.empty());
        return OK;
    }
}
