package dev.devstack.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Run in separate JVMs by {@link RegistryAcrossProcessesIT}: increments a shared counter N times. */
public final class RegistryCounterWorker {

    static final LeaseOwner COUNTER = new LeaseOwner("/counter", "default", "counter", "");

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        int increments = Integer.parseInt(args[1]);
        MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, Duration.ofSeconds(60), System.err::println,
                Clock.systemUTC());
        for (int i = 0; i < increments; i++) {
            registry.update(tx -> {
                int value = tx.sticky(COUNTER).map(StickyPort::port).orElse(0);
                tx.remember(new StickyPort(COUNTER, value + 1, Instant.now()));
                return null;
            });
        }
    }
}
