package dev.devstack.tui;

import java.time.Duration;
import java.util.Locale;

/** How the dashboard writes memory, CPU and uptime: short, so that columns stay narrow. */
final class Formats {

    private Formats() {
    }

    /** 0.3%, 12%, 180%: one decimal below 10. */
    static String cpu(double percent) {
        return percent < 9.95 ? String.format(Locale.ROOT, "%.1f%%", percent) : Math.round(percent) + "%";
    }

    /** 24 MB, 1.2 GB (decimal units). */
    static String memory(long bytes) {
        if (bytes < 1_000_000_000L) {
            return Math.max(0, Math.round(bytes / 1e6)) + " MB";
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** 3s, 2m10s, 1h05m, 2d03h: to the second or the minute, as devstack's messages write durations. */
    static String uptime(Duration duration) {
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
}
