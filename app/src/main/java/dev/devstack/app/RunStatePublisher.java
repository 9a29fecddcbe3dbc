package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.IoReason;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps {@code .devstack/run.json} in step with a running stack: at most one write per
 * {@value #DELAY_MILLIS} ms after a state change, on its own thread, so that no disk write ever
 * delays the supervisor or the terminal.
 */
final class RunStatePublisher implements AutoCloseable {

    private static final long DELAY_MILLIS = 50;

    private final RunStateFile file;
    private final StackView stack;
    private final ProcessInfo self;
    private final Optional<String> apiUrl;
    private final Consumer<String> warnings;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-run-state");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Subscription subscription;
    private volatile boolean failed;

    RunStatePublisher(RunStateFile file, StackView stack, ProcessInfo self, Optional<String> apiUrl,
                      Consumer<String> warnings) {
        this.file = file;
        this.stack = stack;
        this.self = self;
        this.apiUrl = apiUrl;
        this.warnings = warnings;
        this.subscription = stack.subscribe(this::onEvent);
        writer.execute(this::write);
    }

    private void onEvent(StackEvent event) {
        if ((event instanceof StackEvent.StateChanged || event instanceof StackEvent.ProcessesChanged)
                && scheduled.compareAndSet(false, true)) {
            writer.schedule(() -> {
                scheduled.set(false);
                write();
            }, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void write() {
        try {
            file.write(stack.snapshot(), self.pid(), self.startMillis(), apiUrl);
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                warnings.accept("cannot write " + file.path() + " (" + IoReason.of(e) + "); `devstack ports` in"
                        + " another terminal will not see this stack's live state");
            }
        }
    }

    @Override
    public void close() {
        subscription.close();
        writer.shutdownNow();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.deleteIfOwnedBy(self.pid());
    }
}
