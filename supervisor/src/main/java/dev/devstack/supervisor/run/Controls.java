package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.ServiceState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a user asks of one service while the stack runs (from the dashboard or the control
 * socket): start, stop, restart or kill it, handed to its {@link Lifecycle}, which answers a
 * request that makes no sense in the service's state with a notice rather than ignoring it. Runs
 * on the engine thread.
 */
final class Controls {

    private final StackState stack;
    private final EffectExecutor lifecycles;

    Controls(StackState stack, EffectExecutor lifecycles) {
        this.stack = stack;
        this.lifecycles = lifecycles;
    }

    /** {@code by}: who asked, if they said so. */
    void ask(String name, Input.Action action, Optional<String> by) {
        if (stack.stopRequested) {
            stack.notice(name, "the stack is stopping; nothing more is started or stopped");
            return;
        }
        ServiceRuntime service = stack.services.get(name);
        if (service == null) {
            stack.notice("", "there is no service named " + name);
            return;
        }
        lifecycles.apply(service, new Input.Asked(action, by));
    }

    /** The services the given one blocked, directly or through others, wait for it again. */
    void requeueBlocked(ServiceRuntime service) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(stack.graph.dependents(service.name()));
        while (!next.isEmpty()) {
            String dependent = next.pop();
            if (stack.services.get(dependent).state() == ServiceState.BLOCKED && found.add(dependent)) {
                next.addAll(stack.graph.dependents(dependent));
            }
        }
        for (String dependent : found) {
            lifecycles.apply(stack.services.get(dependent), new Input.Unblocked(service.name()));
        }
    }
}
