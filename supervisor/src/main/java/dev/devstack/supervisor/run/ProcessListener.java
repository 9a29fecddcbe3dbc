package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.OutputSource;

/**
 * What a launched process reports. Called on the launcher's I/O threads: implementations copy
 * what they need and return at once, never block.
 */
public interface ProcessListener {

    void started(long pid);

    /**
     * Bytes the process wrote to one pipe, exactly as read, in order; {@code closed} when the pipe
     * ended after them. The array is the listener's to keep. Comes before the lines they end.
     */
    void wrote(OutputSource source, byte[] bytes, boolean closed);

    /**
     * A line to show (see {@link LineSplitter}): decoded, invalid UTF-8 replaced by U+FFFD, without its
     * {@code \r\n}; a very long line comes in pieces.
     */
    void output(OutputSource source, String line);

    /**
     * The process ended and both its pipes closed. {@code code} is its exit status, or for a
     * death by signal the signal's number.
     */
    void exited(int code);

    /** The command could not be started: no process ran. */
    void failedToStart();
}
