package dev.devstack.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run in a JVM of its own by {@link RegistryUnwritableIT}, as another user or in a mount
 * namespace of its own: does each step named on the command line to the registry in the home
 * folder given first, and prints one line per step: "STEP: ok ..." or the registry's message.
 */
public final class RegistryStepsWorker {

    private RegistryStepsWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, Duration.ofSeconds(10),
                warning -> System.out.println("warning: " + warning), Clock.systemUTC());
        for (String step : List.of(args).subList(1, args.length)) {
            String outcome;
            try {
                outcome = run(registry, home, step);
            } catch (RegistryException e) {
                outcome = e.getMessage();
            }
            System.out.println(step + ": " + outcome);
        }
    }

    private static String run(MapDbLeaseRegistry registry, Path home, String step) throws Exception {
        switch (step) {
            case "fill" -> registry.update(tx -> {
                for (int i = 0; i < 10; i++) {
                    tx.putLease(lease(4000 + i));
                }
                return null;
            });
            case "read" -> {
                return "ok, " + registry.read(RegistryView::leases).size() + " leases";
            }
            case "claim" -> registry.update(tx -> {
                tx.putLease(lease(5000));
                return null;
            });
            case "grow" -> registry.update(tx -> {
                for (int i = 0; i < 20_000; i++) {
                    tx.record(new RegistryEvent(Instant.now(), RegistryEvent.Kind.CLAIM, 5000, "x".repeat(1000), 1,
                            "dev", "event " + i));
                }
                return null;
            });
            case "hold" -> registry.update(tx -> {
                System.out.println("hold: holding");
                System.out.flush();
                sleep(60);
                return null;
            });
            case "fill-disk" -> fillDisk(home.resolveSibling("filler"));
            case "files" -> {
                try (Stream<Path> files = Files.list(home)) {
                    return String.join(" ", files.map(p -> p.getFileName().toString()).sorted().toList());
                }
            }
            default -> throw new IllegalArgumentException("no step " + step);
        }
        return "ok";
    }

    private static Lease lease(int port) {
        return new Lease(new LeaseOwner("/projects/p" + port, "default", "api", ""), port, 0, 0, "dev",
                Instant.ofEpochMilli(1_000));
    }

    private static void fillDisk(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!IoReason.of(full).kind().equals(IoReason.Kind.NO_SPACE)) {
                throw full;
            }
        }
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
