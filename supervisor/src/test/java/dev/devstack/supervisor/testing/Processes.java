package dev.devstack.supervisor.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What /proc says about processes: who is in a process group, who is still alive (zombies are not). */
public final class Processes {

    private Processes() {
    }

    public static boolean alive(long pid) {
        String stat = stat(pid);
        return stat != null && !"Z".equals(field(stat, 3));
    }

    /** Every live process whose process group is {@code pgid}. */
    public static List<Long> group(long pgid) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"),
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path dir : all) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String stat = stat(pid);
                if (stat != null && !"Z".equals(field(stat, 3)) && String.valueOf(pgid).equals(field(stat, 5))) {
                    members.add(pid);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return members;
    }

    /** The session a live process belongs to; 0 when it is gone. */
    public static long session(long pid) {
        String stat = stat(pid);
        return stat == null ? 0 : Long.parseLong(field(stat, 6));
    }

    /** SIGKILL to one process, for test cleanup; no error when it is gone already. */
    public static void kill(long pid) {
        if (pid > 1) {
            try {
                new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                throw new AssertionError("cannot run kill", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL to a whole group, for test cleanup; no error when it is gone already. */
    public static void killGroup(long pgid) {
        if (pgid > 1) {
            try {
                new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                throw new AssertionError("cannot run kill", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (IOException gone) {
            return null;
        }
    }

    /** Field n (1-based, as in proc(5)) of a stat line; the command in parentheses may hold spaces. */
    private static String field(String stat, int n) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return rest[n - 3];
    }
}
