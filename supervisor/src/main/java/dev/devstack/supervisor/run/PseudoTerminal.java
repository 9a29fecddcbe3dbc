package dev.devstack.supervisor.run;

import com.sun.jna.Memory;
import dev.devstack.supervisor.model.OutputSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The terminal of a {@code tty: true} service: a pseudo-terminal whose master devstack reads, on a
 * thread of its own, into the run's {@link ProcessListener} as its standard output, and whose
 * slave the launch script opens as its stdin, stdout and stderr (the script is a session leader,
 * so the terminal becomes its controlling terminal, and the terminal's size changes reach its
 * foreground group as SIGWINCH). devstack holds a slave descriptor of its own until the launched
 * process has ended, so that reading the master does not end (EIO) before the script has opened
 * the slave. The exit is reported once the master is drained: when every slave is closed, or
 * {@link #DRAIN} after the exit if something the service left still holds it. In that case the
 * service goes on (a daemon, a child it left): the master is read until no slave is left (EIO) or
 * the run's console is closed, so the terminal stays the service's as long as the service is.
 */
final class PseudoTerminal implements ServiceConsole {

    /** How long the exit waits for what the terminal still holds once the launched process ended. */
    static final Duration DRAIN = Duration.ofMillis(500);
    private static final int READ_BYTES = 64 * 1024;
    private static final int IDLE_POLL_MILLIS = 250;
    private static final int DRAIN_POLL_MILLIS = 20;

    private final int master;
    private final String slavePath;
    private int slave = -1;
    private boolean masterClosed;
    private boolean reading;
    private boolean closeAsked;
    private long drainUntil;
    private Runnable afterDrain;

    PseudoTerminal(TerminalSize size) {
        this.master = NativeFiles.openMaster();
        try {
            this.slavePath = NativeFiles.slaveName(master);
            this.slave = NativeFiles.openTerminal(slavePath);
            NativeFiles.resize(master, size);
        } catch (NativeFiles.Failure e) {
            if (slave >= 0) {
                NativeFiles.close(slave);
            }
            NativeFiles.close(master);
            throw e;
        }
    }

    /** The terminal the launch script opens, e.g. /dev/pts/7. */
    String path() {
        return slavePath;
    }

    /** Begins reading what the service writes to its terminal; {@code name} names the thread. */
    synchronized void read(String name, ProcessListener listener) {
        if (masterClosed) {
            return;
        }
        reading = true;
        Thread reader = new Thread(() -> pump(listener), "devstack-tty-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The launched process has ended: devstack lets go of its slave, and {@code report} runs once
     * what the terminal still holds has been read (at once, if nothing reads it).
     */
    synchronized void exited(Runnable report) {
        closeSlave();
        if (!reading) {
            closeMaster();
            report.run();
            return;
        }
        afterDrain = report;
        drainUntil = System.nanoTime() + DRAIN.toNanos();
    }

    private void pump(ProcessListener listener) {
        LineSplitter lines = new LineSplitter(line -> listener.output(OutputSource.STDOUT, line));
        try (Memory buffer = new Memory(READ_BYTES)) {
            while (!closeAsked()) {
                reportIfDrained();
                if (!NativeFiles.awaitReadable(master, drainUntil() != 0 ? DRAIN_POLL_MILLIS : IDLE_POLL_MILLIS)) {
                    continue;
                }
                long read = NativeFiles.read(master, buffer);
                if (read > 0) {
                    byte[] bytes = buffer.getByteArray(0, (int) read);
                    listener.wrote(OutputSource.STDOUT, bytes, false);
                    lines.feed(ByteBuffer.wrap(bytes));
                } else if (read != -NativeFiles.EAGAIN && read != -NativeFiles.EINTR) {
                    break; // EIO: no slave is open any more
                }
            }
        } finally {
            listener.wrote(OutputSource.STDOUT, new byte[0], true);
            lines.close();
            Runnable report;
            synchronized (this) {
                reading = false;
                closeSlave();
                closeMaster();
                report = afterDrain;
                afterDrain = null;
            }
            if (report != null) {
                report.run();
            }
        }
    }

    /** {@link #DRAIN} after the exit, the exit is reported while what the service left goes on writing. */
    private void reportIfDrained() {
        Runnable report;
        synchronized (this) {
            if (drainUntil == 0 || System.nanoTime() - drainUntil <= 0) {
                return;
            }
            report = afterDrain;
            afterDrain = null;
            drainUntil = 0;
        }
        if (report != null) {
            report.run();
        }
    }

    private synchronized boolean closeAsked() {
        return closeAsked;
    }

    private synchronized long drainUntil() {
        return drainUntil;
    }

    @Override
    public synchronized Delivery type(String line) {
        if (masterClosed) {
            return Delivery.CLOSED;
        }
        return NativeFiles.type(master, (line + "\r").getBytes(StandardCharsets.UTF_8), "write to its terminal",
                NativeFiles.EIO);
    }

    @Override
    public synchronized void resize(TerminalSize size) {
        if (!masterClosed) {
            NativeFiles.resize(master, size);
        }
    }

    @Override
    public boolean terminal() {
        return true;
    }

    @Override
    public void launchedEnded() {
        // the exit reaches the terminal first (exited), so that it is reported after the terminal is drained
    }

    /** The run is over: the reader stops (and closes the master), or the descriptors are closed now if none reads. */
    @Override
    public synchronized void close() {
        closeAsked = true;
        closeSlave();
        if (!reading) {
            closeMaster();
        }
    }

    private void closeSlave() {
        if (slave >= 0) {
            NativeFiles.close(slave);
            slave = -1;
        }
    }

    private void closeMaster() {
        if (!masterClosed) {
            masterClosed = true;
            NativeFiles.close(master);
        }
    }
}
