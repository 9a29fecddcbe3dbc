package dev.devstack.cli;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP, each time they arrive. The JDK's only public way to see
 * them is a shutdown hook, which runs once the JVM is already exiting and cannot return an exit
 * code; `up` must instead stop the stack in order and, on a second Ctrl-C, kill it. So this uses
 * sun.misc.Signal (module jdk.unsupported), kept to this one class. A signal that was ignored
 * when devstack started (a background job of a non-interactive shell) stays ignored, as Unix
 * convention wants.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onEach(Runnable action) {
        onEach(signal -> action.run());
    }

    /** Each of them as it arrives, named. */
    static void onEach(Consumer<dev.devstack.supervisor.Signal> action) {
        for (dev.devstack.supervisor.Signal stop : new dev.devstack.supervisor.Signal[] {
            dev.devstack.supervisor.Signal.INT, dev.devstack.supervisor.Signal.TERM, dev.devstack.supervisor.Signal.HUP}) {
            Signal.handle(new Signal(stop.name()), signal -> action.accept(stop));
        }
    }
}
