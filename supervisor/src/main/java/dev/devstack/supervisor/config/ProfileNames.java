package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A service's {@code profiles:}, a list of names ({@code [backend, tools]}): the service starts only
 * when `up --profile` names one of them (or it is named, or another service needs it).
 */
final class ProfileNames {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private ProfileNames() {
    }

    static List<String> read(String service, YamlNode node, Values values, Problems problems) {
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            values.wrongType("profiles", node, "a list of profile names, e.g. `profiles: [backend]`");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            values.nonBlankText("profiles", item).ifPresent(name -> {
                if (!NAME.matcher(name).matches()) {
                    problems.add(item.location(), "profile `" + name + "` of service `" + service + "`: a profile's"
                            + " name is letters, digits, `_`, `.` and `-`, starting with a letter or digit");
                } else if (names.contains(name)) {
                    problems.add(item.location(), "profile `" + name + "` is named twice in service `" + service + "`");
                } else {
                    names.add(name);
                }
            });
        }
        return List.copyOf(names);
    }
}
