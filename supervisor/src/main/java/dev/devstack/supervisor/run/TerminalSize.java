package dev.devstack.supervisor.run;

/** The size of a service's terminal, in character cells. */
record TerminalSize(int columns, int rows) {

    /** What a terminal is until the dashboard tells its size. */
    static final TerminalSize DEFAULT = new TerminalSize(80, 24);

    /** The largest size TIOCSWINSZ can carry (an unsigned short each). */
    static final int MAX = 65_535;

    TerminalSize {
        if (columns < 1 || rows < 1 || columns > MAX || rows > MAX) {
            throw new IllegalArgumentException("a terminal has 1 to " + MAX + " columns and rows, not "
                    + columns + "x" + rows);
        }
    }
}
