package dev.devstack.supervisor.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code environments:} in ports.yaml: each a mapping of the file's own keys, laid over the
 * file when it is chosen ({@code --env NAME} or {@code DEVSTACK_ENV}). The section itself is
 * taken out of the configuration whether one is chosen or not.
 */
final class EnvironmentOverlay {

    static final String KEY = "environments";
    /** Environments name state folders and registry keys, as instances do. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");
    /** What an environment may change: the file's own keys, not itself or the files' inheritance. */
    static final List<String> KEYS = ConfigLoader.KEYS;

    record Applied(YamlNode.Mapping top, Set<YamlNode> marked) {
    }

    private final Problems problems;
    private final Values values;

    EnvironmentOverlay(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    Applied apply(YamlNode.Mapping top, ConfigChoice choice) {
        YamlNode.Entry section = top.entries().get(KEY);
        YamlNode.Mapping rest = ConfigLayers.without(top, KEY);
        Map<String, YamlNode.Entry> environments = section == null ? Map.of() : environments(section);
        if (choice.environment().isEmpty()) {
            return new Applied(rest, Set.of());
        }
        String name = choice.environment().get();
        YamlNode.Entry chosen = environments.get(name);
        if (chosen == null) {
            problems.add(choice.environmentLocation(), environments.isEmpty()
                    ? ConfigLoader.PORTS_YAML + " has no `environments:`, so there is no environment `" + name
                            + "`; add one (docs/configuration.md, \"Environments\") or drop the choice"
                    : "no environment `" + name + "` in " + ConfigLoader.PORTS_YAML
                            + Suggestions.hint(name, environments.keySet())
                            + " (its environments: " + String.join(", ", environments.keySet()) + ")");
            return new Applied(rest, Set.of());
        }
        if (!(chosen.value() instanceof YamlNode.Mapping written)) {
            return new Applied(rest, Set.of());
        }
        YamlNode.Mapping overlay = ConfigLayers.eachService(written, (service, node, services) ->
                node instanceof YamlNode.Mapping settings ? ConfigLayers.without(settings, ConfigLayers.EXTENDS) : node);
        Set<YamlNode> marked = Collections.newSetFromMap(new IdentityHashMap<>());
        mark(overlay, marked);
        return new Applied(YamlMerge.merge(rest, overlay), marked);
    }

    /** The environments by name, every problem in any of them reported whichever is chosen. */
    private Map<String, YamlNode.Entry> environments(YamlNode.Entry section) {
        if (!(section.value() instanceof YamlNode.Mapping mapping)) {
            problems.add(section.value().location(), "`environments` must be a mapping of name: settings, got "
                    + section.value().describe());
            return Map.of();
        }
        mapping.entries().forEach((name, entry) -> {
            if (!NAME.matcher(name).matches()) {
                problems.add(entry.keyLocation(), "`" + name + "` is not a valid environment name: 1 to 40 lower-case"
                        + " letters, digits, _ . and -, starting with a letter or digit");
            }
            if (entry.value() instanceof YamlNode.Mapping overlay) {
                overlay.entries().forEach((key, setting) -> {
                    if (!KEYS.contains(key)) {
                        values.unknownKey(key, setting.keyLocation(), "in environment `" + name + "`", KEYS);
                    }
                });
                extendsIn(name, overlay);
            } else {
                problems.add(entry.value().location(), "environment `" + name + "` must be a mapping of the keys it"
                        + " changes, such as `services:`; got " + entry.value().describe());
            }
        });
        return mapping.entries();
    }

    /** A service's `extends` is resolved from the files, before an environment is laid over them. */
    private void extendsIn(String environment, YamlNode.Mapping overlay) {
        YamlNode.Entry services = overlay.entries().get("services");
        if (services != null && services.value() instanceof YamlNode.Mapping mapping) {
            mapping.entries().forEach((service, entry) -> {
                if (entry.value() instanceof YamlNode.Mapping settings
                        && settings.entries().containsKey(ConfigLayers.EXTENDS)) {
                    problems.add(settings.entries().get(ConfigLayers.EXTENDS).keyLocation(), "`extends` of service `"
                            + service + "` in environment `" + environment + "`: a service's `extends` is read from"
                            + " the files, before an environment is laid over them; write it in the service itself");
                }
            });
        }
    }

    private static void mark(YamlNode node, Set<YamlNode> marked) {
        marked.add(node);
        if (node instanceof YamlNode.Mapping mapping) {
            mapping.entries().values().forEach(entry -> mark(entry.value(), marked));
        } else if (node instanceof YamlNode.Sequence sequence) {
            sequence.items().forEach(item -> mark(item, marked));
        }
    }
}
