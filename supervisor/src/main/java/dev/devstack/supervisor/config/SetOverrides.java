package dev.devstack.supervisor.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --set KEY=VALUE}: {@code api.port=9000}, {@code api.env.DEBUG=1},
 * {@code web.command="npm run dev"}, {@code range=5000-5999}. The value is read as YAML reads a
 * plain value ({@code 9000} a number, {@code null} removes the key, {@code [a, b]} a list) and
 * laid over the configuration last, so it is validated like the file; its location is the flag.
 */
final class SetOverrides {

    /** The file's own keys that hold one value; `services` is reached through a service's name. */
    private static final List<String> TOP_LEVEL = ConfigLoader.KEYS.stream().filter(key -> !key.equals("services"))
            .toList();

    private final Problems problems;

    SetOverrides(Problems problems) {
        this.problems = problems;
    }

    YamlNode.Mapping apply(YamlNode.Mapping top, List<String> sets) {
        YamlNode.Mapping merged = top;
        for (String set : sets) {
            Optional<YamlNode.Mapping> overlay = overlay(set, merged);
            if (overlay.isPresent()) {
                merged = YamlMerge.merge(merged, overlay.get());
            }
        }
        return merged;
    }

    private Optional<YamlNode.Mapping> overlay(String set, YamlNode.Mapping top) {
        Location flag = Location.file("--set " + set);
        int equals = set.indexOf('=');
        List<String> path = equals < 0 ? List.of() : List.of(set.substring(0, equals).split("\\.", -1));
        if (equals <= 0 || path.stream().anyMatch(String::isEmpty)) {
            problems.add(flag, "write it as KEY=VALUE, such as `--set api.port=9000` or `--set api.env.DEBUG=1`");
            return Optional.empty();
        }
        YamlNode value = value(set.substring(equals + 1), flag);
        if (TOP_LEVEL.contains(path.get(0))) {
            if (path.size() > 1) {
                problems.add(flag, "`" + path.get(0) + "` is a single value; write `--set " + path.get(0) + "=VALUE`");
                return Optional.empty();
            }
            return Optional.of(nest(path, value, flag));
        }
        List<String> services = services(top);
        if (!services.contains(path.get(0))) {
            problems.add(flag, "there is no service `" + path.get(0) + "`" + Suggestions.hint(path.get(0), services)
                    + "; `--set` changes a service (" + String.join(", ", services) + ") or one of "
                    + String.join(", ", TOP_LEVEL));
            return Optional.empty();
        }
        if (path.size() == 1) {
            problems.add(flag, "say which key of service `" + path.get(0) + "` to set, such as `--set " + path.get(0)
                    + ".port=9000`");
            return Optional.empty();
        }
        if (path.get(1).equals(ConfigLayers.EXTENDS)) {
            problems.add(flag, "`extends` is read from the files, before `--set` is laid over them; write it in "
                    + ConfigLoader.PORTS_YAML + " or " + ConfigLoader.PORTS_LOCAL_YAML);
            return Optional.empty();
        }
        return Optional.of(nest(List.of("services", path.get(0)), nest(path.subList(1, path.size()), value, flag), flag));
    }

    /** A value that starts like a list or mapping but is none (`[ -f x ] && run`) is text, as the shell gave it. */
    private static YamlNode value(String text, Location flag) {
        if (text.startsWith("[") || text.startsWith("{")) {
            return new YamlTreeReader(flag.file(), new Problems()).read(text).orElse(YamlTreeReader.plain(text, flag));
        }
        return YamlTreeReader.plain(text, flag);
    }

    private static YamlNode.Mapping nest(List<String> path, YamlNode value, Location flag) {
        YamlNode node = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            entries.put(path.get(i), new YamlNode.Entry(flag, node));
            node = new YamlNode.Mapping(flag, entries);
        }
        return (YamlNode.Mapping) node;
    }

    private static List<String> services(YamlNode.Mapping top) {
        YamlNode.Entry services = top.entries().get("services");
        return services != null && services.value() instanceof YamlNode.Mapping mapping
                ? List.copyOf(mapping.entries().keySet()) : List.of();
    }
}
