package dev.devstack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs for some services, from /proc: each pid, every process in its session (a service is
 * started in a session of its own) and every descendant, also one that left the session, with its
 * command line. Zombies are not counted: they hold no port and run nothing.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** pid → command line of the roots and of everything that belongs to them. */
    static Map<Long, String> of(Collection<Long> roots) {
        Map<Long, Stat> all = live();
        Map<Long, String> found = new LinkedHashMap<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        all.forEach((pid, stat) -> {
            if (roots.contains(stat.session())) {
                todo.add(pid);
            }
        });
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            if (all.containsKey(pid) && found.putIfAbsent(pid, commandLine(pid)) == null) {
                all.forEach((child, stat) -> {
                    if (stat.parent() == pid) {
                        todo.add(child);
                    }
                });
            }
        }
        return found;
    }

    private record Stat(long parent, long session) {
    }

    private static Map<Long, Stat> live() {
        Map<Long, Stat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"),
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    List<String> rest = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                    if (!rest.get(0).equals("Z")) {
                        all.put(Long.parseLong(dir.getFileName().toString()),
                                new Stat(Long.parseLong(rest.get(1)), Long.parseLong(rest.get(3))));
                    }
                } catch (IOException gone) {
                    // ended while /proc was read
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return all;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException gone) {
            return "(gone)";
        }
    }
}
