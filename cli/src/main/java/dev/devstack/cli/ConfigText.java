package dev.devstack.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.devstack.supervisor.config.ConfigSetting;
import dev.devstack.supervisor.config.MergedConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * `devstack config`: the merged configuration written as YAML, each value followed by a comment
 * naming its origin, so that what is printed is itself a valid ports.yaml.
 */
final class ConfigText {

    /** Text YAML reads back as the same text when written without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.$~(][A-Za-z0-9_./$~{}()=,+@'\"-]*"
            + "(?: [A-Za-z0-9_./$~{}()=,+@'\"*-]+)*");
    /** Plain text that YAML would read as a number or a date instead. */
    private static final Pattern NUMBER_OR_DATE = Pattern.compile("[-+]?\\.?[0-9][0-9_,:.]*(?:[eE][-+]?[0-9]+)?"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
    private static final Set<String> NOT_TEXT = Set.of("yes", "no", "on", "off", "true", "false", "null", "y", "n", "~");
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
        return plain(key) && !key.contains(" ") ? key : quoted(key);
    }

    private static String value(ConfigSetting setting) {
        return switch (setting.kind()) {
            case TEXT -> plain(setting.text()) ? setting.text() : quoted(setting.text());
            case NUMBER, BOOLEAN -> setting.text();
            case NULL -> "null";
            case EMPTY_LIST -> "[]";
            case EMPTY_MAPPING -> "{}";
        };
    }

    private static boolean plain(String text) {
        return PLAIN.matcher(text).matches() && !NUMBER_OR_DATE.matcher(text).matches()
                && !NOT_TEXT.contains(text.toLowerCase(Locale.ROOT));
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

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
