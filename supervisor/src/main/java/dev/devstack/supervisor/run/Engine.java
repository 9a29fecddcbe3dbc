package dev.devstack.supervisor.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thread on which all of a stack's state changes. Other threads hand it work; an error in
 * a task is reported, never allowed to kill the thread.
 */
final class Engine implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(daemon("devstack-engine"));
    private final Consumer<String> errors;

    Engine(Consumer<String> errors) {
        this.errors = errors;
    }

    /** Runs the task on the engine thread, soon; nothing happens once the engine is closed (false then). */
    boolean run(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
            return true;
        } catch (RejectedExecutionException closed) {
            // late process callbacks after the stack was closed: nobody is left to tell
            return false;
        }
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(() -> guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            errors.accept("internal error in the supervisor: " + e);
        }
    }

    /** Whether the engine is closed: the stack has stopped and no task runs any more. */
    boolean closed() {
        return executor.isShutdown();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
