package dev.devstack.app.http;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A document made at most once per {@code interval}, however many clients ask: one that reads the
 * machine (a pass over /proc, the registry) then costs the stack the same for one page or ten.
 */
final class RecentDocument {

    private final long intervalNanos;
    private final Supplier<byte[]> make;
    private long madeAt;
    private byte[] last;

    RecentDocument(Duration interval, Supplier<byte[]> make) {
        this.intervalNanos = interval.toNanos();
        this.make = make;
    }

    /** The last document, or a new one when it is older than the interval; what making it throws is thrown. */
    synchronized byte[] current() {
        long now = System.nanoTime();
        if (last == null || now - madeAt >= intervalNanos) {
            last = make.get();
            madeAt = now;
        }
        return last;
    }
}
