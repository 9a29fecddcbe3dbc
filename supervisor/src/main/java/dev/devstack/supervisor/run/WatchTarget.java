package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.WatchSpec;
import dev.devstack.supervisor.plan.StackPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service that watches files: its name, its folder (what its globs are relative to) and its {@code watch:}. */
record WatchTarget(String service, Path root, WatchSpec spec) {

    /**
     * The walk of the tree follows no link, lest it loop or wander out of the project; a {@code cwd}
     * that is itself a link would then be a single file to it, and nothing would be watched.
     */
    WatchTarget {
        root = real(root);
    }

    /** Every service of the plan that has {@code watch:}, once however many replicas it has. */
    static List<WatchTarget> of(StackPlan plan) {
        Map<String, WatchTarget> targets = new LinkedHashMap<>();
        plan.services().stream().map(unit -> unit.spec()).filter(spec -> spec.watch().isPresent())
                .forEach(spec -> targets.putIfAbsent(spec.name(), of(spec)));
        return List.copyOf(targets.values());
    }

    private static WatchTarget of(ServiceSpec spec) {
        return new WatchTarget(spec.name(), spec.cwd(), spec.watch().orElseThrow());
    }

    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }
}
