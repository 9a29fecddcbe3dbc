package dev.devstack.supervisor.run;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;

/**
 * The system calls behind a service's standard input and terminal (pipe2, posix_openpt, write,
 * poll, read, TIOCSWINSZ), on file descriptors devstack owns. JDK streams cannot make a pipe
 * whose read end a child opens by path, nor a pseudo-terminal. The constants are Linux's, the
 * same on x86-64 and arm64. Every descriptor made here is close-on-exec: a service gets one
 * only by opening it.
 */
final class NativeFiles {

    private interface LibC extends Library {
        int pipe2(int[] fds, int flags);

        int fcntl(int fd, int command, int argument);

        long write(int fd, byte[] bytes, long count);

        long read(int fd, Pointer buffer, long count);

        int close(int fd);

        int open(String path, int flags);

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        int ptsname_r(int fd, byte[] name, long size);

        int ioctl(int fd, long request, short[] argument);

        int poll(PollFd fd, int count, int timeoutMillis);
    }

    /** struct pollfd, for one descriptor. */
    @Structure.FieldOrder({"fd", "events", "revents"})
    public static final class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    static final int EINTR = 4;
    static final int EIO = 5;
    static final int EAGAIN = 11;
    static final int EPIPE = 32;
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0400;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final long TIOCSWINSZ = 0x5414;
    private static final short POLLIN = 1;
    private static final LibC LIBC = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

    private NativeFiles() {
    }

    /** A failed system call: which, and the errno it set. */
    static final class Failure extends RuntimeException {
        final int errno;

        Failure(String call, int errno) {
            super(call + " failed with errno " + errno);
            this.errno = errno;
        }
    }

    /** A pipe: [read end, write end], both close-on-exec, the write end non-blocking. */
    static int[] pipe() {
        int[] fds = new int[2];
        check("pipe2", LIBC.pipe2(fds, O_CLOEXEC));
        nonBlocking(fds[1]);
        return fds;
    }

    /** A new pseudo-terminal's master: read-write, not this process's controlling terminal, non-blocking. */
    static int openMaster() {
        int master = LIBC.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        check("posix_openpt", master);
        try {
            check("grantpt", LIBC.grantpt(master));
            check("unlockpt", LIBC.unlockpt(master));
            nonBlocking(master);
            return master;
        } catch (Failure e) {
            LIBC.close(master);
            throw e;
        }
    }

    /** The path of the master's terminal, e.g. /dev/pts/7. */
    static String slaveName(int master) {
        byte[] name = new byte[128];
        int errno = LIBC.ptsname_r(master, name, name.length);
        if (errno != 0) {
            throw new Failure("ptsname_r", errno);
        }
        int length = 0;
        while (name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, StandardCharsets.US_ASCII);
    }

    /** Opens a terminal without making it this process's controlling terminal. */
    static int openTerminal(String path) {
        int fd = LIBC.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
        check("open " + path, fd);
        return fd;
    }

    /** The terminal's size (the kernel sends SIGWINCH to its foreground group when it changed). */
    static void resize(int master, TerminalSize size) {
        short[] winsize = {(short) size.rows(), (short) size.columns(), 0, 0};
        check("ioctl TIOCSWINSZ", LIBC.ioctl(master, TIOCSWINSZ, winsize));
    }

    /** Writes without waiting: the number of bytes taken, or -errno (-EAGAIN when full, -EPIPE when nobody reads). */
    static long write(int fd, byte[] bytes) {
        long written = LIBC.write(fd, bytes, bytes.length);
        return written >= 0 ? written : -Native.getLastError();
    }

    /**
     * Writes a typed line (at most PIPE_BUF bytes, so all or nothing) to a pipe or a terminal: taken,
     * full (EAGAIN), or closed ({@code closedErrno}: EPIPE for a pipe, EIO for a terminal); anything
     * else fails, named by {@code call}.
     */
    static ServiceConsole.Delivery type(int fd, byte[] line, String call, int closedErrno) {
        long written = write(fd, line);
        if (written == line.length) {
            return ServiceConsole.Delivery.TAKEN;
        }
        if (written == -EAGAIN) {
            return ServiceConsole.Delivery.FULL;
        }
        if (written == -closedErrno) {
            return ServiceConsole.Delivery.CLOSED;
        }
        throw new Failure(call, written < 0 ? (int) -written : 0);
    }

    /** Reads what is there into {@code buffer}: the number of bytes, 0 at end of file, or -errno. */
    static long read(int fd, Memory buffer) {
        long read = LIBC.read(fd, buffer, buffer.size());
        return read >= 0 ? read : -Native.getLastError();
    }

    /** Waits at most {@code timeoutMillis} for the descriptor to be readable, or hung up: whether it is. */
    static boolean awaitReadable(int fd, int timeoutMillis) {
        PollFd poll = new PollFd();
        poll.fd = fd;
        poll.events = POLLIN;
        int ready = LIBC.poll(poll, 1, timeoutMillis);
        if (ready < 0 && Native.getLastError() != EINTR) {
            throw new Failure("poll", Native.getLastError());
        }
        return ready > 0;
    }

    static void close(int fd) {
        LIBC.close(fd);
    }

    private static void nonBlocking(int fd) {
        int flags = LIBC.fcntl(fd, F_GETFL, 0);
        check("fcntl F_GETFL", flags);
        check("fcntl F_SETFL", LIBC.fcntl(fd, F_SETFL, flags | O_NONBLOCK));
    }

    private static void check(String call, int result) {
        if (result < 0) {
            throw new Failure(call, Native.getLastError());
        }
    }
}
