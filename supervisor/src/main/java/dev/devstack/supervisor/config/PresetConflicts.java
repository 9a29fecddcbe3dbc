package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service may not say together with a preset, each with the place it was said: every
 * preset starts a server on the service's own port, so the service must have one (no
 * `port: none`, no `inherit_port`), must not be a one-shot task, and its command must not choose
 * the address itself; a preset that gives the port through the environment cannot serve replicas,
 * which each have their own; and npm keeps arguments before `--` for itself.
 */
final class PresetConflicts {

    private PresetConflicts() {
    }

    static List<PresetOverlay.Contradiction> of(String service, Preset preset, Map<String, YamlNode.Entry> entries) {
        List<PresetOverlay.Contradiction> found = new ArrayList<>();
        String uses = "preset `" + preset.name() + "`";
        String drop = "; remove one of them";
        value(entries, "port").filter(port -> port instanceof YamlNode.Scalar scalar
                && scalar.text().strip().equalsIgnoreCase("none")).ifPresent(port -> found.add(contradiction(
                port.location(), "service `" + service + "` has `port: none`, but " + uses
                        + " runs a server on the service's port" + drop)));
        Optional.ofNullable(entries.get("inherit_port")).ifPresent(entry -> found.add(contradiction(
                entry.keyLocation(), "service `" + service + "` has `inherit_port`, but " + uses
                        + " runs a server on a port of its own" + drop)));
        value(entries, "oneshot").filter(PresetConflicts::isTrue).ifPresent(oneshot -> found.add(contradiction(
                entries.get("oneshot").keyLocation(), "service `" + service + "` is a one-shot task, but " + uses
                        + " runs a server until it is stopped" + drop)));
        value(entries, "scale").filter(scale -> preset.portInEnvironment() && replicas(scale))
                .ifPresent(scale -> found.add(contradiction(entries.get("scale").keyLocation(), uses
                        + " gives service `" + service + "` its port in " + portVariable(preset) + ", which every"
                        + " replica would share; drop `scale`, or drop the preset and pass `$PORT` in the command")));
        value(entries, "command").filter(YamlNode.Scalar.class::isInstance).map(c -> (YamlNode.Scalar) c)
                .ifPresent(command -> command(service, preset, command).ifPresent(found::add));
        return found;
    }

    private static Optional<PresetOverlay.Contradiction> command(String service, Preset preset, YamlNode.Scalar command) {
        Optional<String> chosen = preset.contradiction(command.text());
        if (chosen.isPresent()) {
            return Optional.of(contradiction(command.location(), "the command of `" + service + "` already passes `"
                    + chosen.get() + "`, and preset `" + preset.name() + "` " + whatItDoes(preset) + "; drop `"
                    + chosen.get() + "` from the command or drop `preset: " + preset.name() + "`"));
        }
        Optional<String> swallower = ShellTail.swallower(command.text());
        if (!preset.args().isEmpty() && swallower.isPresent()) {
            return Optional.of(contradiction(command.location(), "the command of `" + service + "` holds "
                    + swallower.get() + ", so what preset `" + preset.name() + "` appends ("
                    + String.join(" ", preset.args()) + ") would not reach the server, which would listen where the"
                    + " command alone says; make the server the command's last word (a comment goes into "
                    + ConfigLoader.PORTS_YAML + " after the command's closing quote, a pipe into a script) or drop"
                    + " the preset"));
        }
        List<String> words = Arrays.asList(command.text().strip().split("\\s+"));
        if (!preset.args().isEmpty() && words.get(0).equals("npm") && !words.contains("--")) {
            return Optional.of(contradiction(command.location(), "npm would read the arguments that preset `"
                    + preset.name() + "` appends (" + String.join(" ", preset.args()) + ") as its own; end the"
                    + " command of `" + service + "` with ` --` (`" + command.text().strip() + " --`) so that they"
                    + " reach the script"));
        }
        return Optional.empty();
    }

    private static String whatItDoes(Preset preset) {
        List<String> parts = new ArrayList<>();
        if (!preset.args().isEmpty()) {
            parts.add("appends `" + String.join(" ", preset.args()) + "`");
        }
        List<String> address = preset.env().keySet().stream().filter(name -> !name.equals("PYTHONUNBUFFERED")
                && !name.equals("NEXT_TELEMETRY_DISABLED")).toList();
        if (!address.isEmpty()) {
            parts.add("sets " + String.join(" and ", address));
        }
        return String.join(" and ", parts) + " to listen on the service's port on 127.0.0.1";
    }

    private static String portVariable(Preset preset) {
        return preset.env().entrySet().stream().filter(e -> e.getValue().contains(Preset.OWN_PORT))
                .map(Map.Entry::getKey).findFirst().orElse("its environment");
    }

    private static boolean isTrue(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.BOOLEAN
                && YamlNode.Scalar.truth(scalar.text()).orElse(false);
    }

    /** More than one replica, now or (with a {@code max}) once the stack is scaled. */
    private static boolean replicas(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            return value(mapping.entries(), "max").or(() -> value(mapping.entries(), "replicas"))
                    .map(PresetConflicts::replicas).orElse(true);
        }
        return node instanceof YamlNode.Scalar scalar && scalar.text().strip().matches("0*[2-9]\\d{0,8}|0*1\\d{1,8}");
    }

    private static Optional<YamlNode> value(Map<String, YamlNode.Entry> entries, String key) {
        return Optional.ofNullable(entries.get(key)).map(YamlNode.Entry::value);
    }

    private static PresetOverlay.Contradiction contradiction(Location location, String message) {
        return new PresetOverlay.Contradiction(location, message);
    }
}
