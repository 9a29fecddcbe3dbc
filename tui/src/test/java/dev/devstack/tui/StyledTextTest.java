package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StyledTextTest {

    @Test
    void colourSequencesBecomeRunsOverThePlainText() {
        StyledText line = StyledText.parse("\u001b[32mGET\u001b[0m /healthz \u001b[1;31m500\u001b[m");

        assertThat(line.text()).isEqualTo("GET /healthz 500");
        assertThat(line.styleAt(0).foreground()).isEqualTo(TextColor.ANSI.GREEN);
        assertThat(line.styleAt(4)).isEqualTo(Style.PLAIN);
        assertThat(line.styleAt(13)).isEqualTo(new Style(TextColor.ANSI.RED, null, EnumSet.of(SGR.BOLD)));
    }

    @Test
    void extendedColoursAndBackgroundsAreKept() {
        StyledText line = StyledText.parse("\u001b[38;5;208mo\u001b[38;2;1;2;300;48;5;17mr\u001b[49;39;4mu");

        assertThat(line.text()).isEqualTo("oru");
        assertThat(line.styleAt(0).foreground()).isEqualTo(new TextColor.Indexed(208));
        assertThat(line.styleAt(1)).isEqualTo(new Style(new TextColor.RGB(1, 2, 255), new TextColor.Indexed(17),
                EnumSet.noneOf(SGR.class)));
        assertThat(line.styleAt(2)).isEqualTo(new Style(null, null, EnumSet.of(SGR.UNDERLINE)));
    }

    @Test
    void otherSequencesAreDropped() {
        assertThat(StyledText.parse("\u001b[2K\u001b[1Gbuilding…").text()).isEqualTo("building…");
        assertThat(StyledText.parse("\u001b]0;title\u0007ready").text()).isEqualTo("ready");
        assertThat(StyledText.parse("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\").text()).isEqualTo("link");
        assertThat(StyledText.parse("cut at the end \u001b[3").text()).isEqualTo("cut at the end ");
        assertThat(StyledText.parse("\u001b[2Kplain").runs()).isEmpty();
    }

    @Test
    void aCarriageReturnKeepsWhatWasWrittenAfterIt() {
        assertThat(StyledText.parse("10%\r20%\r30%").text()).isEqualTo("30%");
        assertThat(StyledText.parse("done\r").text()).isEqualTo("done");
        StyledText green = StyledText.parse("\u001b[32m50%\r60%\r");
        assertThat(green.text()).isEqualTo("60%");
        assertThat(green.styleAt(0).foreground()).as("the colour goes on after the return").isEqualTo(TextColor.ANSI.GREEN);
    }

    @Test
    void tabsBecomeSpacesAndOtherControlsAreShown() {
        assertThat(StyledText.parse("a\tb").text()).isEqualTo("a   b");
        assertThat(StyledText.parse("bell\u0007 nul\u0000").text()).isEqualTo("bell? nul?");
    }

    @Test
    void aPlainLineIsKeptAsItIs() {
        String line = "plain line, ünïcödé and 漢字";

        StyledText parsed = StyledText.parse(line);

        assertThat(parsed.text()).isSameAs(line);
        assertThat(parsed.runs()).isEmpty();
    }
}
