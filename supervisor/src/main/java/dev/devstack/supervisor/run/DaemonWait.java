package dev.devstack.supervisor.run;

import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * Waits, on a thread of its own, for a daemon that became a service's process to end, and tells
 * its exit status (as NuProcess would: the code, or the number of the signal that ended it).
 * devstack is the daemon's parent (it is a subreaper), so the end is known at once and exactly.
 */
final class DaemonWait {

    private DaemonWait() {
    }

    static void start(long pid, IntConsumer ended) {
        Thread thread = new Thread(() -> {
            OptionalInt status = Reaper.await(pid);
            // empty only if it was collected elsewhere first; it has ended, with a status nobody can tell
            ended.accept(status.isPresent() ? ExitWatch.decode(status.getAsInt()).orElse(0) : 0);
        }, "devstack-daemon-" + pid);
        thread.setDaemon(true);
        thread.start();
    }
}
