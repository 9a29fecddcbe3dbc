package dev.devstack.supervisor.run;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import java.util.OptionalInt;

/**
 * devstack as a child subreaper (prctl PR_SET_CHILD_SUBREAPER): a process that a service starts
 * and that outlives its parent (a daemon's double fork) becomes devstack's child instead of
 * init's, so that devstack can still find it, end it with its service, and collect its exit
 * status. Such adopted children are devstack's to reap: nothing else waits for them.
 */
final class Reaper {

    private interface LibC extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);

        int waitpid(int pid, IntByReference status, int options);
    }

    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int WNOHANG = 1;
    private static final int EINTR = 4;
    private static final LibC LIBC = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

    private Reaper() {
    }

    /** Makes this process the subreaper of its descendants; false if the kernel refused. */
    static boolean becomeSubreaper() {
        return LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
    }

    /** Collects a child that has ended; its exit status, or empty if it has not ended (or is not a child). */
    static OptionalInt reap(long pid) {
        IntByReference status = new IntByReference();
        return LIBC.waitpid((int) pid, status, WNOHANG) == pid ? OptionalInt.of(status.getValue()) : OptionalInt.empty();
    }

    /** Waits until a child ends and collects it; empty if it is not a child. */
    static OptionalInt await(long pid) {
        IntByReference status = new IntByReference();
        while (true) {
            int result = LIBC.waitpid((int) pid, status, 0);
            if (result == pid) {
                return OptionalInt.of(status.getValue());
            }
            if (result != -1 || Native.getLastError() != EINTR) {
                return OptionalInt.empty();
            }
        }
    }
}
