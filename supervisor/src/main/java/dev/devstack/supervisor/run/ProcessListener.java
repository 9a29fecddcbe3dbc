package dev.devstack.supervisor.run;

/**
 * What a launched process reports. Called on the launcher's I/O threads: implementations copy
 * what they need and return at once, never block.
 */
public interface ProcessListener {

    void started(long pid);

    void output(OutputSource source, String line);

    /**
     * The process ended and both its pipes closed. {@code code} is its exit status, or for a
     * death by signal the signal's number; {@link #LAUNCH_FAILED} when it never ran.
     */
    void exited(int code);

    int LAUNCH_FAILED = Integer.MIN_VALUE;
}
