package dev.devstack.tui;

import java.util.regex.Pattern;

/**
 * Makes a service's line safe to draw in one screen row: terminal escape sequences (colours, cursor
 * moves) are removed, tabs become spaces and other control characters a visible '?'.
 */
final class TextCleaner {

    private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007\u001b]*(\u0007|\u001b\\\\)?|[@-Z\\\\-_])");

    private TextCleaner() {
    }

    static String clean(String text) {
        if (!needsCleaning(text)) {
            return text;
        }
        String plain = ESCAPES.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '\t') {
                out.append(" ".repeat(4 - out.length() % 4));
            } else if (c < 0x20 || c == 0x7f) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsCleaning(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
