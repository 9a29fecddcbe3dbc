package dev.devstack.tui;

import dev.devstack.app.view.ResourceUsage;
import dev.devstack.app.view.ServiceUsage;
import dev.devstack.supervisor.model.StackView;
import java.util.Map;

/** The latest CPU and memory of each service, sampled about once a second off the drawing thread. */
final class ResourceMonitor {

    private final StackView view;
    private final ResourceUsage usage;
    private final Runnable changed;
    private volatile Map<String, ServiceUsage> latest = Map.of();

    ResourceMonitor(StackView view, ResourceUsage usage, Runnable changed) {
        this.view = view;
        this.usage = usage;
        this.changed = changed;
    }

    Map<String, ServiceUsage> latest() {
        return latest;
    }

    /** One sample of every running service; called on the sampling thread only. */
    void sample() {
        latest = usage.sample(view.snapshot());
        changed.run();
    }
}
