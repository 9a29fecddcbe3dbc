package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiting for the registry lock another process holds: the wait is the kernel's, so it ends when
 * the holder lets go (here: is killed, which also lets go), and an interrupted wait changes nothing.
 * The timeout is {@link RegistryUnwritableIT#aLockHeldByAnotherProcessNamesItsPid}'s.
 */
class RegistryLockWaitIT {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path home;

    @Test
    void aWaitEndsWhenTheHolderLetsGo() throws Exception {
        Process holder = holding();
        try {
            MapDbLeaseRegistry registry = registry(Duration.ofSeconds(30));
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() ->
                    registry.read(RegistryView::leases).size());
            assertThat(read).isNotDone();
            waitForBlocked(read);

            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(read.get(5, TimeUnit.SECONDS)).isZero();
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anInterruptedWaitChangesNothingAndSaysSo() throws Exception {
        Process holder = holding();
        try {
            MapDbLeaseRegistry registry = registry(Duration.ofSeconds(30));
            AtomicReference<Thread> waiter = new AtomicReference<>();
            AtomicBoolean interruptedAfter = new AtomicBoolean();
            CompletableFuture<Void> update = CompletableFuture.runAsync(() -> {
                waiter.set(Thread.currentThread());
                try {
                    registry.update(tx -> {
                        tx.putLease(new Lease(LeaseOwner.manual("never"), 4000, 0, 0, "dev", Instant.EPOCH));
                        return null;
                    });
                } finally {
                    interruptedAfter.set(Thread.interrupted());
                }
            });
            waitForBlocked(update);

            waiter.get().interrupt();

            assertThat(update).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(RegistryException.class)
                    .withMessage("interrupted while waiting for the registry lock " + home.resolve("registry.lock")
                            + "; nothing was changed: run the command again");
            assertThat(interruptedAfter).isTrue();
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(registry(Duration.ofSeconds(5)).read(RegistryView::leases)).isEmpty();
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private MapDbLeaseRegistry registry(Duration timeout) {
        return new MapDbLeaseRegistry(home, timeout, warning -> { }, Clock.systemUTC());
    }

    /** A worker holding the registry lock until it is killed. */
    private Process holding() throws Exception {
        Process holder = new ProcessBuilder(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                RegistryStepsWorker.class.getName(), home.toString(), "hold")).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("hold: holding");
        return holder;
    }

    /** Until the call waits in the kernel: the lock file names the holder, and the call has not ended. */
    private void waitForBlocked(CompletableFuture<?> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threadWaitsForLock() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(threadWaitsForLock()).as("a thread waits for the registry lock").isTrue();
        assertThat(call).isNotDone();
        assertThat(Files.exists(home.resolve("registry.lock"))).isTrue();
    }

    private static boolean threadWaitsForLock() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> List.of(stack).stream()
                .anyMatch(frame -> frame.getMethodName().equals("lock")
                        && frame.getClassName().endsWith("FileChannelImpl")));
    }
}
