package dev.devstack.tui;

/**
 * Tells the drawing thread that something changed. Any number of signals before it looks count as
 * one, so a busy stack costs one frame, not one per line.
 */
final class Wakeup {

    private final Object lock = new Object();
    private volatile boolean pending;

    void signal() {
        if (pending) {
            return;
        }
        synchronized (lock) {
            pending = true;
            lock.notifyAll();
        }
    }

    /** Waits until signalled or {@code millis} have passed; true if it was signalled. */
    boolean await(long millis) throws InterruptedException {
        synchronized (lock) {
            if (!pending && millis > 0) {
                lock.wait(millis);
            }
            boolean signalled = pending;
            pending = false;
            return signalled;
        }
    }
}
