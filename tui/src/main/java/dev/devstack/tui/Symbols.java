package dev.devstack.tui;

import dev.devstack.supervisor.model.ServiceState;
import java.util.Locale;
import java.util.Map;

/** The marks the dashboard draws: Unicode when the locale is UTF-8, plain ASCII otherwise. */
record Symbols(boolean unicode) {

    static Symbols detect(Map<String, String> environment) {
        String locale = firstSet(environment, "LC_ALL", "LC_CTYPE", "LANG").toLowerCase(Locale.ROOT);
        return new Symbols(locale.contains("utf-8") || locale.contains("utf8"));
    }

    private static String firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.getOrDefault(name, "");
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    String of(ServiceState state) {
        return switch (state) {
            case PENDING -> unicode ? "○" : "o";
            case BLOCKED -> unicode ? "⊘" : "/";
            case STARTING, STOPPING -> unicode ? "◌" : ".";
            case RUNNING -> unicode ? "◐" : "~";
            case READY -> unicode ? "●" : "*";
            case UNHEALTHY -> unicode ? "▲" : "!";
            case EXITED -> unicode ? "✓" : "v";
            case CRASHED, FAILED -> unicode ? "✖" : "x";
            case BACKOFF -> unicode ? "↻" : "@";
            case STOPPED -> unicode ? "■" : "-";
        };
    }

    /** An empty cell. */
    String none() {
        return unicode ? "–" : "-";
    }

    String dot() {
        return unicode ? " · " : " - ";
    }

    char rule() {
        return unicode ? '─' : '-';
    }

    String upDown() {
        return unicode ? "↑↓" : "up/down";
    }
}
