package dev.devstack.tui;

import java.util.Locale;

/** How the dashboard writes memory and CPU: short, so that columns stay narrow. */
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
}
