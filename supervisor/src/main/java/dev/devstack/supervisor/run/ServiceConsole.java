package dev.devstack.supervisor.run;

/**
 * What devstack holds of a run's standard input: the write end of its pipe ({@link InputPipe}), or
 * the master of its terminal ({@link PseudoTerminal}). Used on the engine thread.
 */
interface ServiceConsole {

    /**
     * The most bytes a typed line may have with its Enter: PIPE_BUF, up to which a write to a pipe is
     * all or nothing (a longer one may be cut, its rest glued to the next line), and one more than
     * a terminal keeps of a line before its Enter.
     */
    int LINE_BYTES = 4096;

    /** What became of a line typed for the service. */
    enum Delivery {
        /** The service has it (in its pipe or terminal, whether or not it has read it yet). */
        TAKEN,
        /** The pipe or terminal is full (the service does not read it); nothing was taken. */
        FULL,
        /** Nothing reads it any more. */
        CLOSED
    }

    /**
     * Writes {@code line} and the Enter key: a newline to a pipe, a carriage return to a terminal;
     * at most {@link #LINE_BYTES} in all. A failure other than full or closed is a {@link NativeFiles.Failure}.
     */
    Delivery type(String line);

    /** A terminal takes the new size (and its foreground group gets SIGWINCH); a pipe has none. */
    void resize(TerminalSize size);

    /** Whether the service runs under a terminal of its own. */
    boolean terminal();

    /** The launched process has ended: nothing will open the input by its path any more. */
    void launchedEnded();

    /** The run is over: the service's input ends (end of file) and every descriptor is let go. */
    void close();
}
