package dev.devstack.cli;

import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.run.Supervisor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * `up --web`: opens the stack's web page once every service is up (the stack's phase is running),
 * once, and says so in the stack's output. The code is made then, not at the start, since a stack
 * may take longer than the code's minute to come up; the opener starts off the events thread. Once
 * it has opened, an event costs it one read of a flag (it sees every output line).
 */
final class PageOnceUp implements StackListener {

    private final Supervisor stack;
    private final String apiUrl;
    private final Path home;
    private final Clock clock;
    private final Map<String, String> environment;
    private final AtomicBoolean opened = new AtomicBoolean();

    PageOnceUp(Supervisor stack, String apiUrl, Path home, Clock clock, Map<String, String> environment) {
        this.stack = stack;
        this.apiUrl = apiUrl;
        this.home = home;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public void on(StackEvent event) {
        if (!opened.get() && stack.snapshot().phase() == StackPhase.RUNNING && opened.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                WebPage page = WebPage.of(apiUrl, home, clock.instant());
                stack.notice("", page.toldInOutput(page.open(environment)));
            });
        }
    }
}
