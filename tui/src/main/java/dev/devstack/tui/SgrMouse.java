package dev.devstack.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.util.List;

/**
 * Reads the terminal's mouse reports in the SGR encoding, {@code ESC [ < button ; column ; row M}
 * (pressed) or {@code m} (released), one-based, into Lanterna's {@link MouseAction} with a
 * zero-based position. Lanterna itself reads only the older encoding, whose coordinates past
 * column 95 do not survive UTF-8 decoding.
 */
final class SgrMouse implements CharacterPattern {

    private static final int WHEEL = 64;
    private static final int MOTION = 32;
    /** Shift, meta and control add 4, 8 and 16 to the button. */
    private static final int MODIFIERS = 4 | 8 | 16;
    private static final int LONGEST = 32;

    @Override
    public Matching match(List<Character> sequence) {
        String prefix = "\u001b[<";
        int size = sequence.size();
        for (int i = 0; i < Math.min(size, prefix.length()); i++) {
            if (sequence.get(i) != prefix.charAt(i)) {
                return null;
            }
        }
        if (size <= prefix.length()) {
            return Matching.NOT_YET;
        }
        StringBuilder numbers = new StringBuilder();
        for (int i = prefix.length(); i < size - 1; i++) {
            char c = sequence.get(i);
            if (!Character.isDigit(c) && c != ';') {
                return null;
            }
            numbers.append(c);
        }
        char last = sequence.get(size - 1);
        if (Character.isDigit(last) || last == ';') {
            return size < LONGEST ? Matching.NOT_YET : null;
        }
        String[] fields = numbers.toString().split(";");
        if ((last != 'M' && last != 'm') || fields.length != 3) {
            return null;
        }
        try {
            int button = Integer.parseInt(fields[0]) & ~MODIFIERS;
            TerminalPosition at = new TerminalPosition(Integer.parseInt(fields[1]) - 1, Integer.parseInt(fields[2]) - 1);
            return new Matching(new MouseAction(type(button, last == 'M'), (button & 3) + 1, at));
        } catch (NumberFormatException garbled) {
            return null;
        }
    }

    private static MouseActionType type(int button, boolean pressed) {
        if ((button & WHEEL) != 0) {
            return (button & 1) == 0 ? MouseActionType.SCROLL_UP : MouseActionType.SCROLL_DOWN;
        }
        if ((button & MOTION) != 0) {
            return MouseActionType.DRAG;
        }
        return pressed ? MouseActionType.CLICK_DOWN : MouseActionType.CLICK_RELEASE;
    }
}
