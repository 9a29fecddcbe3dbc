package dev.devstack.supervisor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackView;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The requests a running stack answers on its control socket, one JSON object per line each way
 * ({@link ControlRequest}, {@link ControlReply}):
 * <pre>
 * {"request":"ping"}                               → {"ok":true,"project":"shop","instance":"default"}
 * {"request":"stop","service":"web","by":"..."}    → {"ok":true}   (the service is stopped and not
 *                                                     restarted until asked; who asked, and how to start
 *                                                     it again, are told in the stack's output)
 * anything else, or a service the stack lacks      → {"ok":false,"error":"..."}
 * </pre>
 */
final class ControlProtocol {

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

    ControlReply answer(String line) {
        ControlRequest request;
        try {
            request = ControlMessages.request(line);
        } catch (InvalidTypeIdException e) {
            return ControlReply.refused("unknown request " + (e.getTypeId() == null ? "(none)" : "\"" + e.getTypeId() + "\"")
                    + "; this devstack knows: ping, stop");
        } catch (JsonProcessingException e) {
            return ControlReply.refused("not a control request (one JSON object per line): " + e.getOriginalMessage());
        }
        if (request instanceof ControlRequest.StopService stop) {
            return stop(stop);
        }
        return ControlReply.here(view.snapshot().project(), view.snapshot().instance());
    }

    private ControlReply stop(ControlRequest.StopService request) {
        String service = request.service();
        if (service == null || view.snapshot().service(service).isEmpty()) {
            return ControlReply.refused("this stack has no service \"" + service + "\"");
        }
        notices.accept(service, "stop asked" + (request.by() != null ? " by " + request.by() : " from another terminal")
                + "; it stays stopped: " + (dashboard ? "`s` in the dashboard starts it again"
                : "it runs again at the next `devstack up`"));
        control.stopService(service, Optional.ofNullable(request.by()));
        return ControlReply.done();
    }
}
