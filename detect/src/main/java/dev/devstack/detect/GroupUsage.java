package dev.devstack.detect;

import java.time.Duration;

/** What the processes of one process group use together: CPU time so far, resident memory, and how many there are. */
public record GroupUsage(Duration cpu, long residentBytes, int processes) {
}
