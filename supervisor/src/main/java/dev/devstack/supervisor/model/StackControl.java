package dev.devstack.supervisor.model;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a user interface may ask of a running stack. Every request returns at once; what it does
 * arrives as events, and a request that cannot be done now is answered with a notice.
 */
public interface StackControl {

    /** Starts an ended service again (once its dependencies allow), or a waiting one now. */
    void startService(String service);

    /**
     * Stops a service the way the stack stops it; it is not restarted until asked. {@code by}: who
     * asked, when a client of the control socket says so.
     */
    void stopService(String service, Optional<String> by);

    /** Stops a running service and starts it again; an ended one is started. */
    void restartService(String service);

    /** SIGKILL to the service's whole process group, now; it is not restarted until asked. */
    void killService(String service);

    /**
     * The user typed {@code line} (without a line break) and Enter for {@code service} (a unit name,
     * {@code api} or {@code api.1}): it is written to the service's standard input with a newline, or
     * to its terminal ({@code tty: true}) with a carriage return, as a terminal's Enter. A service that
     * is not running, has closed its input or does not read it (the pipe is full) gets a notice that
     * says so and what to do.
     */
    void input(String service, String line);

    /**
     * The size of the window the user sees services' output in: every running {@code tty: true}
     * service's terminal takes it at once (its foreground group gets SIGWINCH), and those started
     * later begin with it (80x24 until told). A size outside 1 to 65535 is refused with a notice.
     */
    void resizeTerminals(int columns, int rows);

    /**
     * What the unit {@code service} runs, with, and as what processes, now (the details view);
     * secrets in its environment are masked. Fails with a {@link
     * dev.devstack.supervisor.DevstackException} when the stack has no such unit.
     */
    CompletableFuture<ServiceInspection> inspect(String service);

    /** Stops the whole stack in reverse dependency order; asked again, kills what is left. */
    CompletableFuture<StackOutcome> stop();

    /**
     * Reads the configuration again and applies only the difference: new units start, removed ones
     * stop, changed ones start again (with what depends on them, when their environment changed),
     * the others keep running untouched. Completes once the change is set going ({@link
     * ReloadOutcome.Applied}), or with why nothing changed. {@code by}: who asked, told in the
     * stack's output.
     */
    CompletableFuture<ReloadOutcome> reload(Optional<String> by);

    /**
     * Runs {@code replicas} units of {@code service} from now on (units {@code service.0} …), applied
     * as a reload is; the number replaces the configured {@code scale} for the rest of this stack's
     * life, also across later reloads.
     */
    CompletableFuture<ReloadOutcome> scale(String service, int replicas, Optional<String> by);
}
