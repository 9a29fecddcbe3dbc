package dev.devstack.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessGroupUsageTest {

    @Test
    void thePageSizeComesFromTheKernelAndFallsBackToFourKilobytes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("smaps"), "00400000-00452000 r-xp 00000000 08:02 173521 /usr/bin/x\n"
                + "Size:                328 kB\nKernelPageSize:       64 kB\n");

        assertThat(ProcessGroupUsage.pageSize(dir.resolve("smaps"))).isEqualTo(65536);
        assertThat(ProcessGroupUsage.pageSize(dir.resolve("missing"))).isEqualTo(4096);
    }

    @Test
    void aGroupSumsTheCpuAndMemoryOfAllItsProcesses() throws Exception {
        Process leader = new ProcessBuilder("setsid", "sh", "-c", "while :; do :; done & sleep 30 & wait").start();
        long group = leader.pid();
        try {
            ProcessGroupUsage usage = new ProcessGroupUsage();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            GroupUsage seen = null;
            while (System.nanoTime() < deadline) {
                seen = usage.of(Set.of(group, -1L)).get(group);
                if (seen != null && seen.processes() == 3 && seen.cpu().compareTo(Duration.ofMillis(200)) >= 0) {
                    break;
                }
                Thread.sleep(20);
            }

            assertThat(seen).isNotNull();
            assertThat(seen.processes()).isEqualTo(3);
            assertThat(seen.cpu()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(seen.residentBytes()).isGreaterThan(3 * 4096L);
            assertThat(usage.of(Set.of(-1L))).isEqualTo(Map.of());
        } finally {
            new ProcessBuilder("kill", "-KILL", "--", "-" + group).start().waitFor(10, TimeUnit.SECONDS);
            leader.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
