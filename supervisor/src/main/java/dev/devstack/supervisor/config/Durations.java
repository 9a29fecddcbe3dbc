package dev.devstack.supervisor.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in ports.yaml and on the command line: {@code 500ms}, {@code 5s},
 * {@code 1.5s}, {@code 2m}, {@code 1h}, or a bare number of seconds.
 */
public final class Durations {

    /** At most 12 whole digits: even in hours they fit in a long of milliseconds, and the number is read in linear time. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ms|s|m|h)?");

    private Durations() {
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
