package dev.devstack.detect;

import java.time.Instant;
import java.util.Optional;

/** {@link ProcessTable} on {@link ProcessHandle}: on Linux it reads /proc/PID/stat and cmdline. */
public final class JdkProcessTable implements ProcessTable {

    @Override
    public Optional<ProcessInfo> find(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(JdkProcessTable::describe);
    }

    @Override
    public ProcessInfo self() {
        return describe(ProcessHandle.current());
    }

    private static ProcessInfo describe(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        long start = info.startInstant().map(Instant::toEpochMilli).orElse(0L);
        String command = info.commandLine().orElse(info.command().orElse(""));
        return new ProcessInfo(handle.pid(), start, info.user().orElse(""), command);
    }
}
