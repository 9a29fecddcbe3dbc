package dev.devstack.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** When the agent was last asked for something, through its socket or its port: its idle exit waits on this. */
final class Activity {

    private final Clock clock;
    private final AtomicLong last;

    Activity(Clock clock) {
        this.clock = clock;
        this.last = new AtomicLong(clock.millis());
    }

    void touch() {
        last.set(clock.millis());
    }

    boolean idleFor(Duration wait) {
        return Duration.between(Instant.ofEpochMilli(last.get()), clock.instant()).compareTo(wait) >= 0;
    }
}
