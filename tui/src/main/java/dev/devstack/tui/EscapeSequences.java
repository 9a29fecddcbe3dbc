package dev.devstack.tui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@link TerminalExtras} as xterm's control sequences, written to the terminal between frames:
 * mouse reporting of presses, releases and the wheel (1000) in the SGR encoding (1006), whose
 * coordinates have no upper bound and survive UTF-8 decoding; and OSC 52 for the clipboard.
 */
final class EscapeSequences implements TerminalExtras {

    private static final byte[] MOUSE_ON = "\u001b[?1000h\u001b[?1006h".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MOUSE_OFF = "\u001b[?1006l\u001b[?1000l".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream terminal;
    private boolean mouse;

    EscapeSequences(OutputStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void mouse(boolean on) throws IOException {
        if (on != mouse) {
            mouse = on;
            write(on ? MOUSE_ON : MOUSE_OFF);
        }
    }

    @Override
    public synchronized void copy(String text) throws IOException {
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        write(("\u001b]52;c;" + encoded + "\u0007").getBytes(StandardCharsets.US_ASCII));
    }

    private void write(byte[] sequence) throws IOException {
        terminal.write(sequence);
        terminal.flush();
    }
}
