package dev.devstack.detect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link ProcessTable} on {@link ProcessHandle} (on Linux it reads /proc/PID/stat and cmdline),
 * and on /proc directly for sessions and process groups, which ProcessHandle does not know.
 */
public final class JdkProcessTable implements ProcessTable {

    private static final Path PROC = Path.of("/proc");

    @Override
    public Optional<ProcessInfo> find(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(JdkProcessTable::describe);
    }

    @Override
    public ProcessInfo self() {
        return describe(ProcessHandle.current());
    }

    @Override
    public List<ProcessInfo> sessionMembers(long sid) {
        List<ProcessInfo> members = new ArrayList<>();
        Object me = owner(PROC.resolve("self"));
        try (DirectoryStream<Path> all = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : all) {
                String[] stat = stat(dir);
                if (stat != null && !"Z".equals(stat[0]) && stat[2].equals(Long.toString(sid))
                        && stat[3].equals(Long.toString(sid)) && me != null && me.equals(owner(dir))) {
                    find(Long.parseLong(dir.getFileName().toString())).ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    @Override
    public Optional<ProcessDetails> details(long pid) {
        return find(pid).map(info -> {
            Path dir = PROC.resolve(Long.toString(pid));
            String name;
            try {
                name = Files.readString(dir.resolve("comm")).strip();
            } catch (IOException gone) {
                name = "";
            }
            Optional<Path> cwd;
            try {
                cwd = Optional.of(Files.readSymbolicLink(dir.resolve("cwd")));
            } catch (IOException | SecurityException notOurs) {
                cwd = Optional.empty();
            }
            return new ProcessDetails(info, name, cwd);
        });
    }

    @Override
    public OptionalLong processGroup(long pid) {
        String[] stat = stat(PROC.resolve(Long.toString(pid)));
        return stat == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stat[2]));
    }

    /** Fields 3 and on of /proc/PID/stat (index 0 is the state, 2 the group, 3 the session), or null. */
    private static String[] stat(Path dir) {
        try {
            String line = Files.readString(dir.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static Object owner(Path dir) {
        try {
            return Files.getAttribute(dir, "unix:uid");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static ProcessInfo describe(ProcessHandle handle) {
        ProcessHandle.Info info = handle.info();
        long start = info.startInstant().map(Instant::toEpochMilli).orElse(0L);
        String command = info.commandLine().orElse(info.command().orElse(""));
        return new ProcessInfo(handle.pid(), start, info.user().orElse(""), command);
    }
}
