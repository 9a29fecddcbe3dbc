package dev.devstack.supervisor.run;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.devstack.supervisor.Signal;

/**
 * Signals a whole process group through kill(2) with a negative pid. Every service runs in its
 * own session and group (pid = pgid), so this reaches everything it forked that stayed in it.
 * libc is loaded by its file name: by the bare name "c", JNA would run `ldconfig -p` to find it.
 */
public final class ProcessGroups {

    private interface LibC extends Library {
        int kill(int pid, int signal);
    }

    private static final int ESRCH = 3;
    private final LibC libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

    /** @return false when no process of the group is left */
    public boolean signal(long pgid, Signal signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to signal process group " + pgid);
        }
        return send(-pgid, signal);
    }

    /** Signals one process; false when it is gone. */
    public boolean signalProcess(long pid, Signal signal) {
        if (pid <= 1) {
            throw new IllegalArgumentException("refusing to signal process " + pid);
        }
        return send(pid, signal);
    }

    private boolean send(long target, Signal signal) {
        if (libc.kill((int) target, signal.number()) == 0) {
            return true;
        }
        int errno = Native.getLastError();
        if (errno == ESRCH) {
            return false;
        }
        throw new IllegalStateException("kill(" + target + ", " + signal + ") failed with errno " + errno);
    }
}
