package dev.devstack.supervisor.config;

import java.util.Map;
import java.util.Optional;

/**
 * A service's {@code scale}: a number of replicas ({@code scale: 3}), or the number with the
 * limits a running stack may scale it within ({@code scale: {replicas: 2, min: 1, max: 6}};
 * {@code replicas} defaults to {@code min}).
 */
final class ScaleReader {

    /** The replicas to start with, and the limits. */
    record Scale(int replicas, ScaleLimits limits) {

        static final Scale ONE = new Scale(1, ScaleLimits.ANY);
    }

    private final Problems problems;
    private final Values values;

    ScaleReader(Problems problems, Values values) {
        this.problems = problems;
        this.values = values;
    }

    Scale read(String service, Optional<YamlNode> node) {
        if (node.isEmpty()) {
            return Scale.ONE;
        }
        if (!(node.get() instanceof YamlNode.Mapping mapping)) {
            return values.count("scale", node.get(), 1, ServiceSpec.MAX_SCALE)
                    .map(replicas -> new Scale(replicas, ScaleLimits.ANY)).orElse(Scale.ONE);
        }
        Map<String, YamlNode.Entry> entries = mapping.entries();
        boolean known = true;
        for (Map.Entry<String, YamlNode.Entry> entry : entries.entrySet()) {
            if (!entry.getKey().equals("replicas") && !entry.getKey().equals("min") && !entry.getKey().equals("max")) {
                problems.add(entry.getValue().keyLocation(), "`scale` of `" + service + "` takes `replicas`, `min` and"
                        + " `max`, not `" + entry.getKey() + "`");
                known = false;
            }
        }
        int min = number(entries, "min", 1);
        int max = number(entries, "max", ServiceSpec.MAX_SCALE);
        int replicas = number(entries, "replicas", min);
        if (min > max) {
            problems.add(mapping.location(), "`scale` of `" + service + "` has `min: " + min + "` above `max: " + max
                    + "`; make `min` at most `max`");
            return Scale.ONE;
        }
        if (replicas < min || replicas > max) {
            problems.add(entries.get("replicas").value().location(), "`scale` of `" + service + "` starts "
                    + replicas + " replicas, outside its own limits " + min + " to " + max + "; change `replicas`,"
                    + " `min` or `max`");
            return Scale.ONE;
        }
        return known ? new Scale(replicas, new ScaleLimits(min, max)) : Scale.ONE;
    }

    private int number(Map<String, YamlNode.Entry> entries, String key, int otherwise) {
        return Optional.ofNullable(entries.get(key))
                .flatMap(entry -> values.count("scale: " + key, entry.value(), 1, ServiceSpec.MAX_SCALE))
                .orElse(otherwise);
    }
}
