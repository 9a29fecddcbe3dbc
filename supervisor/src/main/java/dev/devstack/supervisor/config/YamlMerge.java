package dev.devstack.supervisor.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one layer of configuration goes over another (an extended file, ports.local.yaml, an
 * environment, a preset, {@code --set}): mappings merge key by key, a list or a scalar replaces
 * what was there, and {@code null} removes the key. Every node keeps the location it was written
 * at, so the merged tree still says where each value came from.
 */
final class YamlMerge {

    private YamlMerge() {
    }

    /** {@code over} laid on {@code base}; neither is changed. */
    static YamlNode merge(YamlNode base, YamlNode over) {
        if (base instanceof YamlNode.Mapping lower && over instanceof YamlNode.Mapping upper) {
            return merge(lower, upper);
        }
        return over;
    }

    static YamlNode.Mapping merge(YamlNode.Mapping base, YamlNode.Mapping over) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(base.entries());
        over.entries().forEach((key, entry) -> {
            if (removes(entry.value())) {
                entries.remove(key);
                return;
            }
            YamlNode.Entry lower = entries.get(key);
            entries.put(key, lower == null ? entry
                    : new YamlNode.Entry(entry.keyLocation(), merge(lower.value(), entry.value())));
        });
        return new YamlNode.Mapping(base.entries().isEmpty() ? over.location() : base.location(), entries);
    }

    private static boolean removes(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.NULL;
    }
}
