package dev.devstack.cli;

import dev.devstack.app.init.YamlScalar;
import dev.devstack.supervisor.config.ConfigSetting;
import dev.devstack.supervisor.config.MergedConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * `devstack config`: the merged configuration written as YAML, each value followed by a comment
 * naming its origin, so that what is printed is itself a valid ports.yaml.
 */
final class ConfigText {

    /** Origins line up in one column, unless a line is longer than this. */
    private static final int ORIGIN_COLUMN = 56;

    private record Line(String text, String origin) {
    }

    private ConfigText() {
    }

    static void print(MergedConfig config, PrintStream out) {
        out.println("# " + String.join(" + ", config.files())
                + config.environment().map(env -> ", environment " + env).orElse("")
                + ": the configuration as devstack reads it, each value with where it comes from");
        List<Line> lines = lines(config.settings());
        int column = Math.min(ORIGIN_COLUMN, lines.stream().mapToInt(l -> l.text().length()).max().orElse(0) + 2);
        for (Line line : lines) {
            if (line.origin().isEmpty()) {
                out.println(line.text());
            } else {
                out.println(line.text() + " ".repeat(Math.max(2, column - line.text().length())) + "# "
                        + comment(line.origin()));
            }
        }
    }

    private static List<Line> lines(List<ConfigSetting> settings) {
        List<Line> lines = new ArrayList<>();
        List<ConfigSetting.Step> open = List.of();
        for (ConfigSetting setting : settings) {
            List<ConfigSetting.Step> path = setting.path();
            int shared = 0;
            while (shared < Math.min(open.size(), path.size() - 1) && open.get(shared).equals(path.get(shared))) {
                shared++;
            }
            for (int depth = shared; depth < path.size() - 1; depth++) {
                lines.add(new Line("  ".repeat(depth) + step(path.get(depth)), ""));
            }
            int last = path.size() - 1;
            lines.add(new Line("  ".repeat(last) + step(path.get(last)) + " " + value(setting), setting.origin()));
            open = path.subList(0, last);
        }
        return lines;
    }

    private static String step(ConfigSetting.Step step) {
        return step.isIndex() ? "-" : key(step.key()) + ":";
    }

    private static String key(String key) {
        return YamlScalar.of(key);
    }

    private static String value(ConfigSetting setting) {
        return switch (setting.kind()) {
            case TEXT -> YamlScalar.of(setting.text());
            case NUMBER, BOOLEAN -> setting.text();
            case NULL -> "null";
            case EMPTY_LIST -> "[]";
            case EMPTY_MAPPING -> "{}";
        };
    }

    /**
     * An origin as a comment: a `--set` flag is the user's text, where a newline would end the
     * comment and start YAML of its own, and an escape would reach the terminal.
     */
    private static String comment(String origin) {
        StringBuilder comment = new StringBuilder();
        origin.codePoints().forEach(c -> {
            if (c == '\n') {
                comment.append("\\n");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                comment.append(String.format("\\u%04X", c));
            } else {
                comment.appendCodePoint(c);
            }
        });
        return comment.toString();
    }
}
