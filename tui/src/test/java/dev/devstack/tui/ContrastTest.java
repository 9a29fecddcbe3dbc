package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The colours of both palettes meet WCAG 2's contrast for text (4.5:1) against the backgrounds
 * docs/tui.md names: black and #303030 for dark, white and #e4e4e4 for light; and the theme of a
 * background uses its palette.
 */
class ContrastTest {

    private static final double WCAG_AA = 4.5;
    private static final List<int[]> DARK = List.of(new int[] {0, 0, 0}, new int[] {0x30, 0x30, 0x30});
    private static final List<int[]> LIGHT = List.of(new int[] {0xff, 0xff, 0xff}, new int[] {0xe4, 0xe4, 0xe4});

    @Test
    void everyColourOfTheDarkPaletteReadsOnDarkBackgrounds() {
        assertReadable(Palette.DARK, DARK);
    }

    @Test
    void everyColourOfTheLightPaletteReadsOnLightBackgrounds() {
        assertReadable(Palette.LIGHT, LIGHT);
    }

    @Test
    void theThemeOfABackgroundUsesItsPalette() {
        Theme light = new Theme(ColourMode.INDEXED_256, Background.LIGHT);
        Theme dark = new Theme(ColourMode.INDEXED_256, Background.DARK);

        assertThat(light.dim.foreground()).isEqualTo(new TextColor.Indexed(Palette.LIGHT.dim()));
        assertThat(light.bad.foreground()).isEqualTo(new TextColor.Indexed(Palette.LIGHT.bad()));
        assertThat(dark.warn.foreground()).isEqualTo(new TextColor.Indexed(Palette.DARK.warn()));
        assertThat(dark.name(3).foreground()).isEqualTo(new TextColor.Indexed(Palette.DARK.names().get(3)));
    }

    @Test
    void theBackgroundIsChosenByDevstackThemeElseByColorfgbgElseDark() {
        assertThat(Background.detect(Map.of("COLORFGBG", "0;15"))).isEqualTo(Background.LIGHT);
        assertThat(Background.detect(Map.of("COLORFGBG", "0;default;7"))).isEqualTo(Background.LIGHT);
        assertThat(Background.detect(Map.of("COLORFGBG", "15;0"))).isEqualTo(Background.DARK);
        assertThat(Background.detect(Map.of("COLORFGBG", "7;8"))).isEqualTo(Background.DARK);
        assertThat(Background.detect(Map.of("DEVSTACK_THEME", "light", "COLORFGBG", "15;0"))).isEqualTo(Background.LIGHT);
        assertThat(Background.detect(Map.of("DEVSTACK_THEME", "Dark", "COLORFGBG", "0;15"))).isEqualTo(Background.DARK);
        assertThat(Background.detect(Map.of("COLORFGBG", "nonsense"))).isEqualTo(Background.DARK);
        assertThat(Background.detect(Map.of())).isEqualTo(Background.DARK);
    }

    private static void assertReadable(Palette palette, List<int[]> backgrounds) {
        List<Integer> colours = new ArrayList<>(List.of(palette.dim(), palette.good(), palette.busy(), palette.warn(),
                palette.bad(), palette.info()));
        colours.addAll(palette.names());
        for (int colour : colours) {
            for (int[] background : backgrounds) {
                assertThat(contrast(rgb(colour), background)).as("colour %d on #%02x%02x%02x", colour, background[0],
                        background[1], background[2]).isGreaterThanOrEqualTo(WCAG_AA);
            }
        }
    }

    /** The xterm palette: a 6x6x6 cube from 16, 24 greys from 232. */
    private static int[] rgb(int index) {
        if (index >= 232) {
            int grey = 8 + 10 * (index - 232);
            return new int[] {grey, grey, grey};
        }
        int[] levels = {0, 95, 135, 175, 215, 255};
        int cube = index - 16;
        return new int[] {levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6]};
    }

    private static double contrast(int[] a, int[] b) {
        double lighter = Math.max(luminance(a), luminance(b));
        double darker = Math.min(luminance(a), luminance(b));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(int[] rgb) {
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
