package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.view.ServiceUsage;
import dev.devstack.detect.GroupUsage;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** CPU as the share of one core between two samples of the same process, memory as it is now. */
class ProcessGroupResourcesTest {

    private final Map<Long, GroupUsage> groups = new HashMap<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ProcessGroupResources resources = new ProcessGroupResources(wanted -> {
        Map<Long, GroupUsage> found = new HashMap<>(groups);
        found.keySet().retainAll(wanted);
        return found;
    }, nanos::get);

    @Test
    void cpuIsKnownFromTheSecondSampleOfTheSameProcess() {
        groups.put(100L, new GroupUsage(Duration.ofMillis(2_000), 24_000_000, 2));
        Map<String, ServiceUsage> first = resources.sample(stack(service("api", 100)));
        assertThat(first.get("api").cpuPercent()).isNaN();
        assertThat(first.get("api").residentBytes()).isEqualTo(24_000_000);

        groups.put(100L, new GroupUsage(Duration.ofMillis(2_250), 25_000_000, 2));
        nanos.addAndGet(1_000_000_000L);

        assertThat(resources.sample(stack(service("api", 100)))).containsEntry("api", new ServiceUsage(25.0, 25_000_000));
    }

    @Test
    void aNewProcessOfTheServiceStartsOverAndAServiceWithoutOneIsLeftOut() {
        groups.put(100L, new GroupUsage(Duration.ofSeconds(5), 1, 1));
        groups.put(200L, new GroupUsage(Duration.ofSeconds(1), 1, 1));
        resources.sample(stack(service("api", 100)));
        nanos.addAndGet(1_000_000_000L);

        Map<String, ServiceUsage> after = resources.sample(stack(service("api", 200), service("worker", 0),
                service("gone", 300)));

        assertThat(after.get("api").cpuPercent()).isNaN();
        assertThat(after).containsOnlyKeys("api");
    }

    private static ServiceSnapshot service(String name, long pid) {
        return new ServiceSnapshot(name, pid > 0 ? ServiceState.RUNNING : ServiceState.STOPPED,
                pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty(), OptionalLong.empty(), List.of(), Optional.empty(),
                OptionalInt.empty(), 0, new ServiceDetail.None());
    }

    private static StackSnapshot stack(ServiceSnapshot... services) {
        return new StackSnapshot("shop", "default", Instant.EPOCH, StackPhase.RUNNING, List.of(services), List.of());
    }
}
