package dev.devstack.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * {@link ProcessTable} on {@link ProcessHandle} (on Linux it reads /proc/PID/stat and cmdline),
 * and on /proc directly for sessions and process groups, which ProcessHandle does not know.
 */
public final class JdkProcessTable implements ProcessTable {

    private static final Path PROC = Path.of("/proc");
    /** Described on first use (see {@link #self}); racing threads describe the same process. */
    private volatile ProcessInfo self;

    @Override
    public Optional<ProcessInfo> find(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(JdkProcessTable::notZombie)
                .map(JdkProcessTable::describe);
    }

    /**
     * A zombie has ended and holds nothing; it waits for its parent (or, in some containers, an
     * init that never reaps) to collect its exit status. The JDK counts it as alive.
     */
    private static boolean notZombie(ProcessHandle process) {
        return ProcStat.of(process.pid()).filter(stat -> stat.state() != 'Z').isPresent();
    }

    /**
     * This process keeps its pid, start, user and command line for life, so it is described once:
     * reading them from /proc twice for every claim was a tenth of a claim's time.
     */
    @Override
    public ProcessInfo self() {
        ProcessInfo known = self;
        if (known == null) {
            known = describe(ProcessHandle.current());
            self = known;
        }
        return known;
    }

    @Override
    public List<ProcessInfo> sessionMembers(long sid) {
        return ownMatching(stat -> stat.group() == sid && stat.session() == sid);
    }

    @Override
    public List<ProcessInfo> groupMembers(long pgid) {
        return ownMatching(stat -> stat.group() == pgid);
    }

    /** The current user's live processes whose /proc/PID/stat matches. */
    private List<ProcessInfo> ownMatching(Predicate<ProcStat> wanted) {
        List<ProcessInfo> members = new ArrayList<>();
        Object me = owner(PROC.resolve("self"));
        try (DirectoryStream<Path> all = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : all) {
                long pid = Long.parseLong(dir.getFileName().toString());
                boolean matches = ProcStat.read(dir.resolve("stat"), pid)
                        .filter(stat -> stat.state() != 'Z' && wanted.test(stat)).isPresent();
                if (matches && me != null && me.equals(owner(dir))) {
                    find(pid).ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    @Override
    public List<String> arguments(long pid) {
        return nulSeparated(pid, "cmdline");
    }

    @Override
    public Map<String, String> environment(long pid) {
        Map<String, String> environment = new HashMap<>();
        for (String entry : nulSeparated(pid, "environ")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment;
    }

    private static List<String> nulSeparated(long pid, String file) {
        try {
            String text = new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve(file)),
                    StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\0"));
        } catch (IOException | SecurityException notReadable) {
            return List.of();
        }
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
        return ProcStat.of(pid).map(stat -> OptionalLong.of(stat.group())).orElse(OptionalLong.empty());
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
