package dev.devstack.app.view;

import dev.devstack.supervisor.model.StackSnapshot;
import java.util.Map;

/**
 * CPU and memory of each service, summed over its process group (children included). Sampled
 * about once a second off the drawing thread; CPU is the share of one core since the last sample.
 */
public interface ResourceUsage {

    /** The usage of every service of {@code stack} that has a process, by service name. */
    Map<String, ServiceUsage> sample(StackSnapshot stack);
}
