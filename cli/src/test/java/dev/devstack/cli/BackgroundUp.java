package dev.devstack.cli;

import dev.devstack.supervisor.config.ProjectSearch;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A real `devstack up --no-tui` of a test project, in its own process, and what its control socket
 * says of it, for the commands that drive a running stack. Closing it ends devstack and its services.
 */
final class BackgroundUp implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final DevstackProcess up;
    private final Path socket;

    private BackgroundUp(DevstackProcess up, Path socket) {
        this.up = up;
        this.socket = socket;
    }

    /** Starts the stack and waits until each of its services is ready. */
    static BackgroundUp start(Path projectDir, Path home) {
        return start(projectDir, home, "every service ready", service -> service.state() == ServiceState.READY);
    }

    /** The same, with {@code extra} in devstack's environment (a team registry's DEVSTACK_REGISTRY, say). */
    static BackgroundUp start(Path projectDir, Path home, Map<String, String> extra) {
        return start(projectDir, home, extra, "every service ready", service -> service.state() == ServiceState.READY);
    }

    /** Starts the stack and waits until each of its services is {@code settled} (a worker without a port runs). */
    static BackgroundUp start(Path projectDir, Path home, String what, Predicate<ServiceSnapshot> settled) {
        return start(projectDir, home, Map.of(), what, settled);
    }

    /** The same, with {@code extra} in devstack's environment ({@code DEVSTACK_AGENT_PORT}, say). */
    static BackgroundUp start(Path projectDir, Path home, Map<String, String> extra, String what,
                              Predicate<ServiceSnapshot> settled) {
        Path socket = ControlClient.socket(home, ProjectSearch.from(projectDir).toString(), "default");
        BackgroundUp stack = new BackgroundUp(DevstackProcess.start(projectDir, home, extra, "up", "--no-tui"), socket);
        try {
            Await.until(WAIT, what, () -> {
                if (!stack.up.alive()) {
                    throw new AssertionError("up exited with " + stack.up.awaitExit(Duration.ZERO).exitCode()
                            + " before " + what);
                }
                return stack.now().map(now -> !now.services().isEmpty() && now.services().stream().allMatch(settled))
                        .orElse(false);
            });
            return stack;
        } catch (AssertionError e) {
            String printed = stack.up.out() + stack.up.err();
            stack.close();
            throw new AssertionError(e.getMessage() + "; up printed:\n" + printed, e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    DevstackProcess up() {
        return up;
    }

    Path socket() {
        return socket;
    }

    /** What the stack's socket says now; empty while nothing answers. */
    Optional<StackSnapshot> now() {
        try (ControlClient client = ControlClient.connect(socket, "a test")) {
            return Optional.of(client.snapshot().snapshot());
        } catch (IOException notAnswering) {
            return Optional.empty();
        }
    }

    ServiceSnapshot service(String name) {
        StackSnapshot now = now().orElseThrow(() -> new UncheckedIOException(new IOException("the stack does not answer")));
        return now.services().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name + " in " + now));
    }

    /** Waits until the service is in that state, and returns it then. */
    ServiceSnapshot await(String name, ServiceState state) {
        return Await.value(WAIT, name + " " + state.word(), () -> {
            ServiceSnapshot service = service(name);
            return service.state() == state ? service : null;
        });
    }

    @Override
    public void close() {
        up.close();
    }
}
