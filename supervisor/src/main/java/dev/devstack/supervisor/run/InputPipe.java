package dev.devstack.supervisor.run;

import java.nio.charset.StandardCharsets;

/**
 * A service's standard input: a pipe made for each launch. NuProcess's own stdin pipe is the
 * lifeline and must stay so, and a child inherits no descriptor from the JVM but the three NuProcess
 * gives it; so the launch script opens the read end by its path, /proc/DEVSTACK/fd/N, which is
 * a new reader of this same pipe. devstack keeps the read end until the launched process has
 * ended (so that the open cannot fail for a read end already gone) and the write end until the
 * run is over: the service sees an input that stays open while devstack runs, and end of file
 * when devstack dies. The write end never blocks: a service that does not read its input makes
 * the pipe full, which is told, rather than holding up the engine.
 */
final class InputPipe implements ServiceConsole {

    private final int readEnd;
    private final int writeEnd;
    private boolean readClosed;
    private boolean writeClosed;

    InputPipe() {
        int[] fds = NativeFiles.pipe();
        this.readEnd = fds[0];
        this.writeEnd = fds[1];
    }

    /** What the launch script opens as the service's standard input. */
    String path() {
        return "/proc/" + ProcessHandle.current().pid() + "/fd/" + readEnd;
    }

    @Override
    public synchronized Delivery type(String line) {
        if (writeClosed) {
            return Delivery.CLOSED;
        }
        return NativeFiles.type(writeEnd, (line + "\n").getBytes(StandardCharsets.UTF_8), "write to its input pipe",
                NativeFiles.EPIPE);
    }

    @Override
    public void resize(TerminalSize size) {
        // a pipe has no size
    }

    @Override
    public boolean terminal() {
        return false;
    }

    @Override
    public synchronized void launchedEnded() {
        if (!readClosed) {
            readClosed = true;
            NativeFiles.close(readEnd);
        }
    }

    @Override
    public synchronized void close() {
        launchedEnded();
        if (!writeClosed) {
            writeClosed = true;
            NativeFiles.close(writeEnd);
        }
    }
}
