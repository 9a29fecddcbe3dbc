package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal's SGR mouse reports become mouse actions; anything garbled is not one. */
class SgrMouseTest {

    private final SgrMouse pattern = new SgrMouse();

    @Test
    void clicksReleasesAndTheWheelAreRead() {
        assertThat(action("\u001b[<0;5;3M")).satisfies(click -> {
            assertThat(click.getActionType()).isEqualTo(MouseActionType.CLICK_DOWN);
            assertThat(click.getPosition()).isEqualTo(new TerminalPosition(4, 2));
        });
        assertThat(action("\u001b[<0;150;40m").getActionType()).isEqualTo(MouseActionType.CLICK_RELEASE);
        assertThat(action("\u001b[<0;150;40m").getPosition()).as("past column 95").isEqualTo(new TerminalPosition(149, 39));
        assertThat(action("\u001b[<64;1;1M").getActionType()).isEqualTo(MouseActionType.SCROLL_UP);
        assertThat(action("\u001b[<65;1;1M").getActionType()).isEqualTo(MouseActionType.SCROLL_DOWN);
        assertThat(action("\u001b[<16;2;2M").getActionType()).as("with ctrl").isEqualTo(MouseActionType.CLICK_DOWN);
    }

    @Test
    void aReportUnderWayIsAwaitedAndAnythingElseIsNotAMouseReport() {
        assertThat(pattern.match(chars("\u001b[<0;5"))).isSameAs(CharacterPattern.Matching.NOT_YET);
        assertThat(pattern.match(chars("\u001b[A"))).isNull();
        assertThat(pattern.match(chars("\u001b[<0;;5M"))).isNull();
        assertThat(pattern.match(chars("\u001b[<0;99999999999;5M"))).isNull();
        assertThat(pattern.match(chars("\u001b[<0;5;5X"))).isNull();
    }

    private MouseAction action(String report) {
        return (MouseAction) pattern.match(chars(report)).fullMatch;
    }

    private static List<Character> chars(String text) {
        return text.chars().mapToObj(c -> (char) c).toList();
    }
}
