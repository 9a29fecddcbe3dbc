package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.ServiceState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands a change of a service's watched files to its {@link Lifecycle} ({@link Input.FilesChanged},
 * which decides whether it restarts), and with {@code watch_cascade} to everything that depends on
 * it too, in dependency order; tells why in a notice of each one that restarts. Runs on the engine
 * thread; the {@link FileWatcher} follows the plan (a reload may change what is watched) and stops
 * with the stack.
 */
final class Watching implements AutoCloseable {

    private final StackState stack;
    private final Engine engine;
    private final EffectExecutor lifecycles;
    private List<WatchTarget> targets = List.of();
    private volatile FileWatcher watcher;

    Watching(StackState stack, Engine engine, EffectExecutor lifecycles) {
        this.stack = stack;
        this.engine = engine;
        this.lifecycles = lifecycles;
    }

    /** Watches what the current plan asks for (at the start, and after a reload), unless the stack stops. */
    void follow() {
        List<WatchTarget> next = WatchTarget.of(stack.plan);
        if (stack.stopRequested || next.equals(targets)) {
            return;
        }
        close();
        targets = next;
        if (!next.isEmpty()) {
            watcher = FileWatcher.start(next, change -> engine.run(() -> changed(change)),
                    notice -> engine.run(() -> stack.notice("", notice)));
        }
    }

    private void changed(FileWatcher.Change change) {
        if (stack.stopRequested || !targets.contains(change.target())) {
            return;
        }
        String service = change.target().service();
        Set<String> own = new LinkedHashSet<>();
        stack.services.values().stream().filter(unit -> unit.plan.spec().name().equals(service) && !unit.removed)
                .forEach(unit -> own.add(unit.name()));
        Set<String> chosen = new LinkedHashSet<>(own);
        if (change.target().spec().cascade()) {
            Deque<String> next = new ArrayDeque<>(own);
            while (!next.isEmpty()) {
                stack.graph.dependents(next.pop()).stream().filter(chosen::add).forEach(next::add);
            }
        }
        String what = describe(change);
        for (List<String> wave : stack.graph.waves()) {
            for (String name : wave) {
                ServiceRuntime unit = stack.services.get(name);
                if (chosen.contains(name) && unit != null) {
                    ServiceState before = unit.state();
                    lifecycles.apply(unit, new Input.FilesChanged());
                    if (unit.state() != before) {
                        stack.notice(name, "restarting: " + what + (own.contains(name) ? " (watch)"
                                : " in " + service + " (watch_cascade)"));
                    }
                }
            }
        }
    }

    private static String describe(FileWatcher.Change change) {
        String first = change.first().toString().isEmpty() ? "its folder" : change.first().toString();
        if (change.lost()) {
            return "files changed in " + first + " faster than the kernel reported them (inotify overflow)";
        }
        return first + (change.others() == 0 ? "" : " and " + change.others() + " more file"
                + (change.others() == 1 ? "" : "s")) + " changed";
    }

    @Override
    public void close() {
        FileWatcher running = watcher;
        watcher = null;
        if (running != null) {
            running.close();
        }
    }
}
