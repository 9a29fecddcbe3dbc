package dev.devstack.app.init;

import java.util.regex.Pattern;

/**
 * Text as a YAML scalar that reads back as the same text: plain where YAML would not take it for
 * something else, else double-quoted. Also what `devstack config` writes its values with.
 */
public final class YamlScalar {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./$~+(=\\\\][^\\p{Cntrl}]*");
    /** YAML 1.1 reads these as booleans, null or numbers; ports.yaml wants them as text when quoted. */
    private static final Pattern NOT_TEXT = Pattern.compile(
            "(?i)(y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_.,:eE+-]*|[-+]?\\.(inf|nan)|0x[0-9a-f]+|0o?[0-7]+)");

    private YamlScalar() {
    }

    public static String of(String text) {
        boolean plain = PLAIN.matcher(text).matches() && !NOT_TEXT.matcher(text).matches() && !text.contains(": ")
                && !text.contains(" #") && !text.endsWith(":") && !text.endsWith(" ") && !text.contains("\t");
        return plain ? text : quoted(text);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** A comment's text on one line, with nothing a terminal or a YAML reader would take for more. */
    public static String comment(String text) {
        return text.replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").strip();
    }
}
