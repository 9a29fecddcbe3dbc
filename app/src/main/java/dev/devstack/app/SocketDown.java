package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.ControlRequest;
import dev.devstack.supervisor.control.StreamItem;
import dev.devstack.supervisor.model.StackEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * `devstack down` through the stack's control socket: subscribes to its events, asks it to stop,
 * hands on each service's end as it comes, and returns once the stack has closed the connection;
 * a service that was alive and whose end did not come before that is handed on without how.
 */
final class SocketDown {

    private static final Timer DEADLINES = new Timer("devstack-down-deadline", true);

    private SocketDown() {
    }

    /**
     * The devstack that was asked to stop and has closed the connection (its process may still be
     * ending); empty when none answers on the project's socket, or the connection broke before it
     * was asked (the caller then falls back on its pid: a second SIGTERM would kill what is left).
     * Stops listening at {@code deadline} ({@link System#nanoTime}), returning the devstack still stopping.
     */
    static Optional<ProcessInfo> stop(ProjectContext context, Machine machine, String by, long deadline,
                                      Consumer<ServiceEnd> ended) {
        Path socket = ControlClient.socket(context.home(), context.projectDir().toString(), context.instance());
        ControlClient events;
        try {
            events = ControlClient.connect(socket, by);
        } catch (IOException notAnswering) {
            return Optional.empty();
        }
        Optional<ProcessInfo> supervisor = machine.processes.find(events.hello().pid());
        TimerTask giveUp = new TimerTask() {
            @Override
            public void run() {
                events.close();
            }
        };
        DEADLINES.schedule(giveUp, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        boolean asked = false;
        try (events) {
            Set<String> alive = new LinkedHashSet<>();
            events.stream(new ControlRequest.Subscribe(null, true)).ifPresent(now -> now.services().stream()
                    .filter(service -> service.state().isAlive()).forEach(service -> alive.add(service.name())));
            try (ControlClient asker = ControlClient.connect(socket, by)) {
                asker.request(new ControlRequest.Down(by));
            }
            asked = true;
            for (Optional<StreamItem> item = events.nextItem(); item.isPresent(); item = events.nextItem()) {
                if (item.get() instanceof StreamItem.Event numbered
                        && numbered.event().event() instanceof StackEvent.StateChanged change && change.state().isTerminal()) {
                    alive.remove(change.service());
                    ended.accept(new ServiceEnd(change.service(), Optional.of(change)));
                }
            }
            alive.forEach(service -> ended.accept(new ServiceEnd(service, Optional.empty())));
        } catch (IOException broken) {
            if (!asked) {
                return Optional.empty();
            }
        } finally {
            giveUp.cancel();
        }
        return supervisor;
    }
}
