package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Procfile: one {@code name: command} per line, {@code #} comments and blank lines allowed. */
final class ProcfileReader {

    record Entry(String name, String command, Location location) {
    }

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_-]+)\\s*:\\s*(.*)");

    private ProcfileReader() {
    }

    static List<Entry> read(String file, List<String> lines, Problems problems) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Location location = new Location(file, i + 1, 1);
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                problems.add(location, "expected `name: command` (name of letters, digits, _ and -), got `" + line + "`");
                continue;
            }
            String name = matcher.group(1);
            String command = matcher.group(2).strip();
            if (command.isEmpty()) {
                problems.add(location, "`" + name + "` has no command");
                continue;
            }
            Integer earlier = seen.putIfAbsent(name, i + 1);
            if (earlier != null) {
                problems.add(location, "`" + name + "` is defined twice (first on line " + earlier + "); keep one");
                continue;
            }
            entries.add(new Entry(name, command, new Location(file, i + 1, matcher.start(2) + 1)));
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new Location(file, 1, 1), "no services: add lines like `web: python3 -m http.server $PORT`");
        }
        return entries;
    }
}
