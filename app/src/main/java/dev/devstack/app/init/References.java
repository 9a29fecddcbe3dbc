package dev.devstack.app.init;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text copied from another tool's file into ports.yaml, where `${a.b}` is a devstack reference:
 * such text was meant for that tool's own interpolation (`${VAR:-x.y}`), so its `${` is written
 * `$${`, devstack's literal `${`.
 */
final class References {

    private References() {
    }

    static String escaped(String text) {
        return text.replaceAll("(?<!\\$)\\$\\{([^}]*\\.[^}]*)}", "\\$\\$\\{$1}");
    }

    static Map<String, String> escaped(Map<String, String> variables) {
        Map<String, String> copy = new LinkedHashMap<>();
        variables.forEach((name, value) -> copy.put(name, escaped(value)));
        return copy;
    }
}
