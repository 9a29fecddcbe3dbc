package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list or mapping that {@link YamlTreeReader} is still reading: its items so far, and how many
 * values it holds with aliases expanded (to stop alias bombs).
 */
abstract sealed class YamlCollection {

    private final Location location;
    private final String anchor;
    private long size = 1;

    private YamlCollection(Location location, String anchor) {
        this.location = location;
        this.anchor = anchor;
    }

    Location location() {
        return location;
    }

    /** The anchor ({@code &name}) written on it, or null. */
    String anchor() {
        return anchor;
    }

    long size() {
        return size;
    }

    void add(YamlNode node, long nodeSize, boolean mergeKey) {
        size = YamlTreeReader.saturatedAdd(size, nodeSize);
        addItem(node, mergeKey);
    }

    abstract void addItem(YamlNode node, boolean mergeKey);

    abstract YamlNode build();

    static final class Sequence extends YamlCollection {

        private final List<YamlNode> items = new ArrayList<>();

        Sequence(Location location, String anchor) {
            super(location, anchor);
        }

        @Override
        void addItem(YamlNode node, boolean mergeKey) {
            items.add(node);
        }

        @Override
        YamlNode build() {
            return new YamlNode.Sequence(location(), items);
        }
    }

    /**
     * Keys and values in the order written. A merge key ({@code <<: *defaults} or
     * {@code <<: [*a, *b]}) adds the entries of those mappings that the mapping does not have
     * itself, the earlier mapping winning; a key written twice is a problem.
     */
    static final class Mapping extends YamlCollection {

        private record Item(YamlNode key, boolean merge, YamlNode value) {
        }

        private final Problems problems;
        private final List<Item> items = new ArrayList<>();
        private YamlNode pendingKey;
        private boolean pendingMerge;

        Mapping(Location location, String anchor, Problems problems) {
            super(location, anchor);
            this.problems = problems;
        }

        @Override
        void addItem(YamlNode node, boolean mergeKey) {
            if (pendingKey == null) {
                pendingKey = node;
                pendingMerge = mergeKey;
            } else {
                items.add(new Item(pendingKey, pendingMerge, node));
                pendingKey = null;
            }
        }

        @Override
        YamlNode build() {
            Set<String> written = new HashSet<>();
            items.stream().filter(i -> !i.merge() && i.key() instanceof YamlNode.Scalar)
                    .forEach(i -> written.add(((YamlNode.Scalar) i.key()).text()));
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            Map<String, Location> first = new HashMap<>();
            for (Item item : items) {
                if (!(item.key() instanceof YamlNode.Scalar key)) {
                    problems.add(item.key().location(), "a key must be a name, got " + item.key().describe());
                    continue;
                }
                Location earlier = first.putIfAbsent(key.text(), key.location());
                if (earlier != null) {
                    problems.add(key.location(), "`" + key.text() + "` appears twice (first at line " + earlier.line()
                            + "); " + (item.merge() ? "merge several mappings with `<<: [*a, *b]`" : "keep one"));
                } else if (item.merge()) {
                    merge(item.value(), written, entries);
                } else {
                    entries.put(key.text(), new YamlNode.Entry(key.location(), item.value()));
                }
            }
            return new YamlNode.Mapping(location(), entries);
        }

        private void merge(YamlNode value, Set<String> written, Map<String, YamlNode.Entry> entries) {
            List<YamlNode> sources = value instanceof YamlNode.Sequence list ? list.items() : List.of(value);
            for (YamlNode source : sources) {
                if (source instanceof YamlNode.Mapping mapping) {
                    mapping.entries().forEach((key, entry) -> {
                        if (!written.contains(key)) {
                            entries.putIfAbsent(key, entry);
                        }
                    });
                } else {
                    problems.add(source.location(), "`<<` merges mappings: give it an alias such as `*defaults`,"
                            + " or a list of them; got " + source.describe());
                }
            }
        }
    }
}
