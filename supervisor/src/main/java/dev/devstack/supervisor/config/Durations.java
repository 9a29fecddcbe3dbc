package dev.devstack.supervisor.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in ports.yaml and on the command line: {@code 500ms}, {@code 5s},
 * {@code 1.5s}, {@code 2m}, {@code 1h}, or a bare number of seconds; and as devstack writes them.
 */
public final class Durations {

    /** At most 12 whole digits: even in hours they fit in a long of milliseconds, and the number is read in linear time. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** Short and readable, to the second or the minute: 3s, 2m10s, 1h05m, 2d03h. */
    public static String describe(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + two(seconds % 60) + "s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h" + two(seconds % 3600 / 60) + "m";
        }
        return seconds / 86_400 + "d" + two(seconds % 86_400 / 3600) + "h";
    }

    private static String two(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    public static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        BigDecimal millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount.multiply(BigDecimal.valueOf(1_000));
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            default -> amount.multiply(BigDecimal.valueOf(3_600_000));
        };
        return Optional.of(Duration.ofMillis(millis.longValue()));
    }
}
