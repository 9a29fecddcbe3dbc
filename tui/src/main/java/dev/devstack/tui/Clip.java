package dev.devstack.tui;

import java.util.List;

/** Text to copy, and how the footer names it once copied ("3 lines", a URL). */
record Clip(String text, String what) {

    /** Log lines, each ended by a newline. */
    static Clip lines(List<String> lines) {
        return new Clip(String.join("\n", lines) + "\n", lines.size() == 1 ? "1 line" : lines.size() + " lines");
    }

    static Clip url(String url) {
        return new Clip(url, url);
    }
}
