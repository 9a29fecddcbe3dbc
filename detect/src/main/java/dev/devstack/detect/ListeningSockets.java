package dev.devstack.detect;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The listening TCP sockets of this machine, read from /proc/net/tcp and /proc/net/tcp6
 * (LISTEN is state 0A), and the processes behind them, found by walking /proc/PID/fd.
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
    public Optional<ListeningProcess> holderOf(int port) {
        List<ListeningProcess> holders = holders(on(port));
        return holders.stream().filter(h -> h.process().isPresent()).findFirst()
                .or(() -> holders.stream().findFirst());
    }

    /** The listening sockets on {@code port} with the processes behind them. */
    public List<ListeningProcess> holdersOf(int port) {
        return holders(on(port));
    }

    /** Every listening socket with the process behind it, found in one walk over /proc. */
    public List<ListeningProcess> holders() {
        return holders(all());
    }

    private List<ListeningProcess> holders(List<Listener> listeners) {
        Map<Long, Long> owners = owners(listeners.stream().map(Listener::inode).filter(i -> i != 0)
                .collect(Collectors.toSet()));
        List<ListeningProcess> holders = new ArrayList<>();
        for (Listener listener : listeners) {
            Long pid = owners.get(listener.inode());
            Optional<ProcessInfo> info = pid == null ? Optional.empty() : processes.find(pid);
            holders.add(new ListeningProcess(listener, info, info.map(ProcessInfo::user).orElseGet(() -> userName(listener.uid())),
                    listener.uid() != ownUid()));
        }
        return holders;
    }

    /**
     * Which of {@code pids} listens on each of {@code ports}: for a supervisor that knows its
     * processes, so only their descriptors are read, not every process's.
     */
    public Map<Integer, Long> listenersAmong(Set<Integer> ports, Collection<Long> pids) {
        Map<Long, Integer> portOfInode = new HashMap<>();
        for (Listener listener : all()) {
            if (ports.contains(listener.port()) && listener.inode() != 0) {
                portOfInode.put(listener.inode(), listener.port());
            }
        }
        Map<Integer, Long> found = new HashMap<>();
        for (long pid : pids) {
            if (portOfInode.isEmpty()) {
                break;
            }
            for (long inode : sockets(proc.resolve(Long.toString(pid)).resolve("fd"))) {
                Integer port = portOfInode.remove(inode);
                if (port != null) {
                    found.putIfAbsent(port, pid);
                }
            }
        }
        return found;
    }

    /** The pid that has each socket inode open, for the sockets of processes we may look into. */
    private Map<Long, Long> owners(Set<Long> inodes) {
        Map<Long, Long> owners = new HashMap<>();
        if (inodes.isEmpty()) {
            return owners;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isNumeric(p.getFileName().toString()))) {
            for (Path pidDir : pids) {
                long pid = Long.parseLong(pidDir.getFileName().toString());
                for (long inode : sockets(pidDir.resolve("fd"))) {
                    if (inodes.contains(inode)) {
                        owners.putIfAbsent(inode, pid);
                    }
                }
                if (owners.size() == inodes.size()) {
                    break;
                }
            }
        } catch (IOException e) {
            return owners;
        }
        return owners;
    }

    private static List<Long> sockets(Path fdDir) {
        List<Long> inodes = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        } catch (IOException | SecurityException notOurs) {
            // another user's process, or it ended
        }
        return inodes;
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

    /** The address in its usual short form (RFC 5952): "::1", "::", "fe80::1"; IPv4-mapped ones as IPv4. */
    static String ipv6(String hex) {
        byte[] bytes = new byte[16];
        for (int word = 0; word < 4; word++) {
            long value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) (value >> (8 * b));
            }
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            return address instanceof Inet6Address ? compress(address.getHostAddress()) : address.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }

    /** "0:0:0:0:0:0:0:1" to "::1": the longest run of two or more zero groups becomes "::". */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    private int ownUid() {
        try {
            return (Integer) Files.getAttribute(proc.resolve("self"), "unix:uid");
        } catch (IOException | RuntimeException unknown) {
            return -1;
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
