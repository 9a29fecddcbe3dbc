package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAcrossProcessesIT {

    @TempDir
    Path home;

    @Test
    void readModifyWriteFromFourJvmsAtOnceLosesNoUpdate() throws Exception {
        int processes = 4;
        int increments = 25;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> workers = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                workers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        RegistryCounterWorker.class.getName(), home.toString(), String.valueOf(increments))
                        .redirectErrorStream(true).redirectOutput(home.resolve("worker" + i + ".log").toFile())
                        .start());
            }
            for (Process worker : workers) {
                assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("worker finished").isTrue();
                assertThat(worker.exitValue()).as("worker exit code").isZero();
            }
        } finally {
            workers.forEach(Process::destroyForcibly);
        }

        MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, Duration.ofSeconds(10), w -> { },
                Clock.systemUTC());
        int counter = registry.read(view -> view.sticky(RegistryCounterWorker.COUNTER))
                .map(StickyPort::port).orElse(0);
        assertThat(counter).isEqualTo(processes * increments);
    }
}
