package dev.devstack.app;

import dev.devstack.app.view.ResourceUsage;
import dev.devstack.app.view.ServiceUsage;
import dev.devstack.detect.GroupUsage;
import dev.devstack.detect.ProcessGroupUsage;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@link ResourceUsage} from one pass over /proc per sample: a service's group is the one its
 * process leads. CPU is the group's CPU time since the previous sample of the same process, over
 * the time between the two; samples are taken on one thread.
 */
public final class ProcessGroupResources implements ResourceUsage {

    private record Sample(long pid, long cpuNanos, long atNanos) {
    }

    private final Function<Set<Long>, Map<Long, GroupUsage>> groups;
    private final LongSupplier nanoTime;
    private final Map<String, Sample> previous = new HashMap<>();

    ProcessGroupResources(Function<Set<Long>, Map<Long, GroupUsage>> groups, LongSupplier nanoTime) {
        this.groups = groups;
        this.nanoTime = nanoTime;
    }

    /** Measured on this machine's processes. */
    public static ProcessGroupResources measured() {
        return new ProcessGroupResources(new ProcessGroupUsage()::of, System::nanoTime);
    }

    @Override
    public Map<String, ServiceUsage> sample(StackSnapshot stack) {
        Map<String, Long> pids = new HashMap<>();
        for (ServiceSnapshot service : stack.services()) {
            service.pid().ifPresent(pid -> pids.put(service.name(), pid));
        }
        Map<Long, GroupUsage> usage = pids.isEmpty() ? Map.of() : groups.apply(new HashSet<>(pids.values()));
        long now = nanoTime.getAsLong();
        Map<String, ServiceUsage> next = new HashMap<>();
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
            next.put(service, new ServiceUsage(percent, group.residentBytes()));
            seen.put(service, new Sample(pid, cpu, now));
        });
        previous.clear();
        previous.putAll(seen);
        return Map.copyOf(next);
    }
}
