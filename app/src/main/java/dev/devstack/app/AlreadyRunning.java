package dev.devstack.app;

import dev.devstack.supervisor.DevstackException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What a second `up` of a running project is told, wherever it finds out: the lock, the registry, the socket. */
public final class AlreadyRunning {

    private AlreadyRunning() {
    }

    public static DevstackException of(String project, Path projectDir, OptionalLong supervisorPid) {
        return DevstackException.alreadyRunning("`" + project + "` is already running from " + projectDir
                + (supervisorPid.isPresent() ? " (devstack pid " + supervisorPid.getAsLong() + ")" : "")
                + "; `devstack attach` shows its dashboard, `devstack status` its services, and `devstack down`"
                + " stops it (from any terminal)");
    }
}
