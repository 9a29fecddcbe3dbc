package dev.devstack.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the local time zone, which it looks up only when asked: finding the zone
 * reads the time-zone database, ~20 ms of a short command here, which most commands never need
 * (they use instants).
 */
final class LocalClock extends Clock {

    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
        ZoneId found = zone;
        if (found == null) {
            found = ZoneId.systemDefault();
            zone = found;
        }
        return found;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
