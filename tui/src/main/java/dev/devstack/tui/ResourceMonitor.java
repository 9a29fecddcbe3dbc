package dev.devstack.tui;

import dev.devstack.detect.GroupUsage;
import dev.devstack.detect.ProcessGroupUsage;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackView;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * CPU and memory of each service, summed over its process group (children included), sampled
 * about once a second off the drawing thread. CPU is the share of one core since the last sample.
 */
final class ResourceMonitor {

    /** {@code cpuPercent} is NaN until a second sample of the same process exists. */
    record Usage(double cpuPercent, long residentBytes) {
    }

    private record Sample(long pid, long cpuNanos, long atNanos) {
    }

    private final StackView view;
    private final ProcessGroupUsage groups;
    private final LongSupplier nanoTime;
    private final Runnable changed;
    private final Map<String, Sample> previous = new HashMap<>();
    private volatile Map<String, Usage> latest = Map.of();

    ResourceMonitor(StackView view, ProcessGroupUsage groups, LongSupplier nanoTime, Runnable changed) {
        this.view = view;
        this.groups = groups;
        this.nanoTime = nanoTime;
        this.changed = changed;
    }

    Map<String, Usage> latest() {
        return latest;
    }

    /** One sample of every running service; called on the sampling thread only. */
    void sample() {
        Map<String, Long> pids = new HashMap<>();
        for (ServiceSnapshot service : view.snapshot().services()) {
            service.pid().ifPresent(pid -> pids.put(service.name(), pid));
        }
        Set<Long> wanted = pids.values().stream().collect(Collectors.toSet());
        Map<Long, GroupUsage> usage = wanted.isEmpty() ? Map.of() : groups.of(wanted);
        long now = nanoTime.getAsLong();
        Map<String, Usage> next = new HashMap<>();
        Map<String, Sample> seen = new HashMap<>();
        pids.forEach((service, pid) -> {
            GroupUsage group = usage.get(pid);
            if (group == null) {
                return;
            }
            long cpu = group.cpu().toNanos();
            Sample before = previous.get(service);
            double percent = before != null && before.pid() == pid && now > before.atNanos()
                    ? 100.0 * Math.max(0, cpu - before.cpuNanos()) / (now - before.atNanos())
                    : Double.NaN;
            next.put(service, new Usage(percent, group.residentBytes()));
            seen.put(service, new Sample(pid, cpu, now));
        });
        previous.clear();
        previous.putAll(seen);
        latest = Map.copyOf(next);
        changed.run();
    }
}
