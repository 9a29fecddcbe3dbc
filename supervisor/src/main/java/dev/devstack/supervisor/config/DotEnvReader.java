package dev.devstack.supervisor.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a .env file as Foreman does: {@code KEY=value} lines, optionally prefixed with
 * {@code export}; {@code 'single'} quotes keep the text as it is, {@code "double"} quotes
 * understand {@code \n \t \" \\}; {@code #} starts a comment outside quotes. A line that is none
 * of these is a problem, not silently skipped.
 */
final class DotEnvReader {

    /** The values in the order written, and the line of each. */
    record Variables(Map<String, String> values, Map<String, Location> locations) {

        static Variables none() {
            return new Variables(new LinkedHashMap<>(), Map.of());
        }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)");

    private DotEnvReader() {
    }

    static Variables read(String file, List<String> lines, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Location> locations = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Location location = Location.line(file, i + 1);
            Matcher matcher = ASSIGNMENT.matcher(line);
            if (!matcher.matches()) {
                problems.add(location, "expected `NAME=value`, got `" + line + "`");
                continue;
            }
            String value = value(matcher.group(2), location, problems);
            if (value != null) {
                values.put(matcher.group(1), value);
                locations.put(matcher.group(1), location);
            }
        }
        return new Variables(values, locations);
    }

    private static String value(String raw, Location location, Problems problems) {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                problems.add(location, "the value starts with ' but has no closing '");
                return null;
            }
            return trailing(raw.substring(end + 1), location, problems) ? raw.substring(1, end) : null;
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    return trailing(raw.substring(i + 1), location, problems) ? out.toString() : null;
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            problems.add(location, "the value starts with \" but has no closing \"");
            return null;
        }
        int comment = commentStart(raw);
        return (comment < 0 ? raw : raw.substring(0, comment)).strip();
    }

    private static boolean trailing(String rest, Location location, Problems problems) {
        String after = rest.strip();
        if (after.isEmpty() || after.startsWith("#")) {
            return true;
        }
        problems.add(location, "unexpected text after the closing quote: `" + after + "`");
        return false;
    }

    private static int commentStart(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }
}
