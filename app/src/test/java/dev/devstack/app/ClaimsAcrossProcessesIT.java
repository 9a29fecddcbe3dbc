package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.Lease;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims from many JVMs at once, and JVMs killed with SIGKILL while they claim without pause (so
 * the kill lands in the middle of registry writes), on the real registry file.
 */
class ClaimsAcrossProcessesIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path home;
    @TempDir
    Path logs;

    private Process worker(String name, int count) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ClaimWorker.class.getName(),
                home.toString(), name, String.valueOf(count))
                .redirectOutput(logs.resolve(name + ".out").toFile()).redirectError(logs.resolve(name + ".err").toFile())
                .start();
    }

    /** The ports a worker said it claimed, by lease name. */
    private Map<String, Integer> claimed(String name) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (String line : Files.readAllLines(logs.resolve(name + ".out"))) {
            String[] parts = line.split(" ");
            if (parts.length == 2) {
                ports.put(parts[1], Integer.parseInt(parts[0]));
            }
        }
        return ports;
    }

    private Map<String, Integer> leases() {
        Map<String, Integer> leases = new HashMap<>();
        for (Lease lease : new MapDbLeaseRegistry(home, Duration.ofSeconds(10), warning -> { }, Clock.systemUTC())
                .read(view -> view.leases())) {
            leases.put(lease.owner().service(), lease.port());
        }
        return leases;
    }

    @Test
    void eightProcessesClaimingFiftyPortsEachAtOnceGetFourHundredDistinctPorts() throws Exception {
        List<Process> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                workers.add(worker("w" + i, 50));
            }
            for (int i = 0; i < workers.size(); i++) {
                Process worker = workers.get(i);
                assertThat(worker.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("worker finished").isTrue();
                assertThat(worker.exitValue()).as("exit code of w%d, which said: %s", i,
                        Files.readString(logs.resolve("w" + i + ".err"))).isZero();
            }
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
        Map<String, Integer> said = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            said.putAll(claimed("w" + i));
        }

        assertThat(said).hasSize(400);
        assertThat(new HashSet<>(said.values())).as("distinct ports").hasSize(400);
        assertThat(leases()).as("every lease accounted for in the registry").isEqualTo(said);
    }

    /**
     * Twenty kills: the count is arbitrary (each is a JVM start, ~0.9 s); what matters is that the
     * kills land at varied points of the writes, which the random number of claims each worker
     * commits first gives. Fifty took 46 s of CI for no other case covered.
     */
    @Test
    void aClaimerKilledMidWriteTwentyTimesLeavesARegistryWithEveryCommittedLease() throws Exception {
        Random random = new Random(42);
        Set<String> committed = new HashSet<>();
        for (int run = 0; run < 20; run++) {
            String name = "k" + run;
            Process worker = worker(name, 0);
            try {
                int wanted = 1 + random.nextInt(5);
                Await.until(WAIT, name + " to commit " + wanted + " claims", () -> {
                    try {
                        return claimed(name).size() >= wanted;
                    } catch (IOException e) {
                        return false;
                    }
                });
            } finally {
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Integer> said = claimed(name);
            committed.addAll(said.keySet());
            Map<String, Integer> leases = leases();
            assertThat(leases).as("after kill " + (run + 1) + ": every committed lease is there").containsAllEntriesOf(said);
        }
        assertThat(leases().keySet()).containsAll(committed);
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("corrupt")))
                    .as("the registry was never moved aside").isEmpty();
        }
    }
}
