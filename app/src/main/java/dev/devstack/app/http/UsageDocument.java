package dev.devstack.app.http;

import dev.devstack.app.view.ResourceUsage;
import dev.devstack.app.view.ServiceUsage;
import dev.devstack.supervisor.model.StackView;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/usage}: each service's CPU (share of one core since the previous sample, null on
 * the first) and resident memory, summed over its process group. One pass over /proc serves every
 * page that asks within a second.
 */
final class UsageDocument {

    private final RecentDocument recent;

    UsageDocument(ResourceUsage usage, StackView view) {
        this.recent = new RecentDocument(Duration.ofSeconds(1),
                () -> write(new TreeMap<>(usage.sample(view.snapshot()))));
    }

    byte[] current() {
        return recent.current();
    }

    private static byte[] write(Map<String, ServiceUsage> services) {
        return ApiJson.success(json -> {
            json.writeObjectFieldStart("data");
            json.writeObjectFieldStart("services");
            for (Map.Entry<String, ServiceUsage> service : services.entrySet()) {
                json.writeObjectFieldStart(service.getKey());
                double cpu = service.getValue().cpuPercent();
                if (Double.isNaN(cpu)) {
                    json.writeNullField("cpu_percent");
                } else {
                    json.writeNumberField("cpu_percent", Math.round(cpu * 10) / 10.0);
                }
                json.writeNumberField("memory_bytes", service.getValue().residentBytes());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }
}
