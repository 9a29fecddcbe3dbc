package dev.devstack.supervisor.run;

/**
 * What devstack holds of a run's standard input: the write end of its pipe ({@link InputPipe}), or
 * the master of its terminal ({@link PseudoTerminal}). Used on the engine thread.
 */
interface ServiceConsole {

    /** What became of a line typed for the service. */
    enum Delivery {
        /** The service has it (in its pipe or terminal, whether or not it has read it yet). */
        TAKEN,
        /** The pipe or terminal is full (the service does not read it); nothing or only part was taken. */
        FULL,
        /** Nothing reads it any more. */
        CLOSED
    }

    /** Writes {@code line} and the Enter key: a newline to a pipe, a carriage return to a terminal. */
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
