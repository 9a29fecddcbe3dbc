package dev.devstack.detect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The listening TCP sockets of this machine, read from /proc/net/tcp and /proc/net/tcp6
 * (LISTEN is state 0A), and the process behind one of them, found by walking /proc/PID/fd.
 * That walk only sees the current user's processes; other users' sockets keep their uid only.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private final Path proc;
    private final ProcessTable processes;
    private final Path passwd;

    public ListeningSockets(ProcessTable processes) {
        this(Path.of("/proc"), processes, Path.of("/etc/passwd"));
    }

    ListeningSockets(Path proc, ProcessTable processes, Path passwd) {
        this.proc = proc;
        this.processes = processes;
        this.passwd = passwd;
    }

    public List<Listener> all() {
        List<Listener> listeners = new ArrayList<>();
        read(proc.resolve("net/tcp"), false, listeners);
        read(proc.resolve("net/tcp6"), true, listeners);
        return listeners;
    }

    public List<Listener> on(int port) {
        return all().stream().filter(l -> l.port() == port).toList();
    }

    /** Who listens on {@code port}, if anyone does. */
    public Optional<PortHolder> holderOf(int port) {
        List<Listener> listeners = on(port);
        if (listeners.isEmpty()) {
            return Optional.empty();
        }
        for (Listener listener : listeners) {
            OptionalLong pid = pidOf(listener.inode());
            if (pid.isPresent()) {
                Optional<ProcessInfo> info = processes.find(pid.getAsLong());
                if (info.isPresent()) {
                    return Optional.of(new PortHolder(listener, info, info.get().user()));
                }
            }
        }
        Listener first = listeners.get(0);
        return Optional.of(new PortHolder(first, Optional.empty(), userName(first.uid())));
    }

    private OptionalLong pidOf(long inode) {
        if (inode == 0) {
            return OptionalLong.empty();
        }
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isNumeric(p.getFileName().toString()))) {
            for (Path pidDir : pids) {
                if (hasDescriptor(pidDir.resolve("fd"), target)) {
                    return OptionalLong.of(Long.parseLong(pidDir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static boolean hasDescriptor(Path fdDir, String target) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (target.equals(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        } catch (IOException | SecurityException notOurs) {
            // another user's process, or it ended
        }
        return false;
    }

    private static void read(Path table, boolean ipv6, List<Listener> into) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).trim().split("\\s+");
            if (fields.length < 10 || !LISTEN.equals(fields[3])) {
                continue;
            }
            String[] local = fields[1].split(":");
            into.add(new Listener(ipv6 ? ipv6(local[0]) : ipv4(local[0]), Integer.parseInt(local[1], 16),
                    Integer.parseInt(fields[7]), Long.parseLong(fields[9])));
        }
    }

    /** /proc prints the address as the kernel stores it: little-endian 32-bit words. */
    static String ipv4(String hex) {
        long value = Long.parseLong(hex, 16);
        return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff);
    }

    static String ipv6(String hex) {
        byte[] bytes = new byte[16];
        for (int word = 0; word < 4; word++) {
            long value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) (value >> (8 * b));
            }
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }

    private String userName(int uid) {
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] fields = line.split(":");
                if (fields.length > 2 && fields[2].equals(String.valueOf(uid))) {
                    return fields[0];
                }
            }
        } catch (IOException e) {
            // fall through to the number
        }
        return "uid " + uid;
    }

    private static boolean isNumeric(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
