package dev.devstack.supervisor.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's {@code watch:} (globs), {@code ignore:} (globs), {@code watch_cascade:} and
 * {@code watch_debounce:}. The last three mean nothing without the first, which is then a problem
 * rather than a setting silently dropped.
 */
final class WatchReader {

    static final List<String> KEYS = List.of("watch", "ignore", "watch_cascade", "watch_debounce");

    private final Problems problems;
    private final Values values;

    WatchReader(Problems problems, Values values) {
        this.problems = problems;
        this.values = values;
    }

    Optional<WatchSpec> read(String service, Map<String, YamlNode.Entry> entries) {
        YamlNode.Entry watch = entries.get("watch");
        if (watch == null) {
            for (String key : KEYS.subList(1, KEYS.size())) {
                if (entries.containsKey(key)) {
                    problems.add(entries.get(key).keyLocation(), "`" + key + "` of service `" + service + "` has no"
                            + " effect without `watch`, the files whose changes restart it; add e.g."
                            + " `watch: [\"**/*.py\"]` or remove `" + key + "`");
                }
            }
            return Optional.empty();
        }
        List<String> globs = globs("watch", watch.value());
        List<String> ignores = entries.containsKey("ignore") ? globs("ignore", entries.get("ignore").value()) : List.of();
        boolean cascade = Optional.ofNullable(entries.get("watch_cascade"))
                .flatMap(e -> values.bool("watch_cascade", e.value())).orElse(false);
        Duration debounce = Optional.ofNullable(entries.get("watch_debounce"))
                .flatMap(e -> values.duration("watch_debounce", e.value(), true)).orElse(WatchSpec.DEFAULT_DEBOUNCE);
        if (globs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WatchSpec(globs, ignores, cascade, debounce, watch.keyLocation()));
    }

    /** A list of globs (or one glob as text), each checked; the valid ones. */
    private List<String> globs(String key, YamlNode node) {
        List<YamlNode> items = node instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node);
        if (items.isEmpty()) {
            problems.add(node.location(), "`" + key + "` is empty: name at least one glob, e.g. `[\"src/**/*.py\"]`");
            return List.of();
        }
        if (node instanceof YamlNode.Mapping) {
            values.wrongType(key, node, "a list of globs relative to the service's folder, e.g. `[\"src/**/*.py\"]`");
            return List.of();
        }
        List<String> globs = new ArrayList<>();
        for (YamlNode item : items) {
            values.text(key, item).ifPresent(glob -> WatchFilter.problem(glob).ifPresentOrElse(
                    problem -> problems.add(item.location(), "`" + key + "`: `" + glob + "` " + problem),
                    () -> globs.add(glob.strip())));
        }
        return globs.size() == items.size() ? globs : List.of();
    }
}
