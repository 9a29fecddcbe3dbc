package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lays a service over its `preset:`. The preset becomes a mapping located at {@code preset NAME}
 * and the service's own mapping is merged over it ({@link YamlMerge}), so every key the user wrote
 * wins, an `env` variable one by one; a `ready` written by the user replaces the preset's whole.
 * The preset's arguments are appended to the user's command, which keeps its location. A service
 * that contradicts its preset (no port of its own, a one-shot task, a command that already chooses
 * the address) is a problem, and is then read as written.
 */
final class PresetOverlay {

    /**
     * A preset's variables refer to the service by name ({@code ${api.port}}); a name that cannot be
     * referred to is reported by the loader, and its preset is not applied, lest the reference fail
     * again at a place ({@code preset NAME}) the user never wrote.
     */
    private static final Pattern REFERABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private PresetOverlay() {
    }

    static YamlNode apply(String service, YamlNode node, Problems problems) {
        if (!(node instanceof YamlNode.Mapping user) || !user.entries().containsKey("preset")) {
            return node;
        }
        if (!REFERABLE.matcher(service).matches()) {
            return node;
        }
        YamlNode named = user.entries().get("preset").value();
        if (!(named instanceof YamlNode.Scalar scalar) || scalar.kind() != YamlNode.Kind.STRING) {
            new Values(problems).wrongType("preset", named, "the name of a preset such as `vite`");
            return node;
        }
        Optional<Preset> preset = Presets.named(scalar.text().strip());
        if (preset.isEmpty()) {
            problems.add(named.location(), "unknown preset `" + scalar.text() + "`"
                    + Suggestions.hint(scalar.text().strip(), Presets.ALL.keySet())
                    + " (presets: " + String.join(", ", Presets.ALL.keySet()) + ")");
            return node;
        }
        List<Contradiction> contradictions = PresetConflicts.of(service, preset.get(), user.entries());
        contradictions.forEach(c -> problems.add(c.location(), c.message()));
        if (!contradictions.isEmpty()) {
            return node;
        }
        YamlNode.Mapping merged = YamlMerge.merge(mapping(service, preset.get(), user), user);
        return withArguments(service, preset.get(), merged);
    }

    /** A problem a preset has with the service it is on. */
    record Contradiction(Location location, String message) {
    }

    private static YamlNode.Mapping mapping(String service, Preset preset, YamlNode.Mapping user) {
        Location at = Location.file("preset " + preset.name());
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        if (!preset.env().isEmpty()) {
            Map<String, YamlNode.Entry> env = new LinkedHashMap<>();
            preset.env().forEach((name, value) -> env.put(name, entry(at, text(at, own(service, value)))));
            entries.put("env", entry(at, new YamlNode.Mapping(at, env)));
        }
        if (preset.readyLog().isPresent() && !user.entries().containsKey("ready")) {
            Map<String, YamlNode.Entry> ready = new LinkedHashMap<>();
            ready.put("log", entry(at, text(at, preset.readyLog().get())));
            preset.readyTimeout().ifPresent(timeout -> ready.put("timeout",
                    entry(at, text(at, timeout.toSeconds() + "s"))));
            entries.put("ready", entry(at, new YamlNode.Mapping(at, ready)));
        }
        entries.put("stop_signal", entry(at, text(at, preset.stopSignal().name())));
        return new YamlNode.Mapping(at, entries);
    }

    private static YamlNode withArguments(String service, Preset preset, YamlNode.Mapping merged) {
        YamlNode.Entry command = merged.entries().get("command");
        if (preset.args().isEmpty() || command == null || !(command.value() instanceof YamlNode.Scalar written)
                || written.kind() == YamlNode.Kind.NULL) {
            return merged;
        }
        List<String> args = new ArrayList<>();
        preset.args().forEach(arg -> args.add(own(service, arg)));
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(merged.entries());
        entries.put("command", new YamlNode.Entry(command.keyLocation(), new YamlNode.Scalar(written.location(),
                YamlNode.Kind.STRING, written.text().strip() + " " + String.join(" ", args))));
        return new YamlNode.Mapping(merged.location(), entries);
    }

    private static String own(String service, String value) {
        return value.replace(Preset.SERVICE, service);
    }

    private static YamlNode.Scalar text(Location at, String value) {
        return new YamlNode.Scalar(at, YamlNode.Kind.STRING, value);
    }

    private static YamlNode.Entry entry(Location at, YamlNode value) {
        return new YamlNode.Entry(at, value);
    }
}
