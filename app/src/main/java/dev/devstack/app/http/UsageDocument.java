package dev.devstack.app.http;

import dev.devstack.app.view.ResourceUsage;
import dev.devstack.app.view.ServiceUsage;
import dev.devstack.supervisor.model.StackView;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/usage}: each service's CPU (share of one core since the previous sample, null on
 * the first) and resident memory, summed over its process group. One pass over /proc serves every
 * page that asks within {@value #INTERVAL_MILLIS} ms, so that pages cost the stack the same however
 * many are open.
 */
final class UsageDocument {

    static final long INTERVAL_MILLIS = 1_000;

    private final ResourceUsage usage;
    private final StackView view;
    private long sampledAt;
    private byte[] last;

    UsageDocument(ResourceUsage usage, StackView view) {
        this.usage = usage;
        this.view = view;
    }

    synchronized byte[] current() {
        long now = System.nanoTime();
        if (last == null || now - sampledAt >= TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS)) {
            last = write(new TreeMap<>(usage.sample(view.snapshot())));
            sampledAt = now;
        }
        return last;
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
