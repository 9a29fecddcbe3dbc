package dev.devstack.supervisor.run;

import dev.devstack.detect.JdkProcessTable;
import dev.devstack.detect.ListeningSockets;
import dev.devstack.detect.ProcStat;
import dev.devstack.detect.ProcessEnvironment;
import dev.devstack.detect.ProcessTree;
import dev.devstack.supervisor.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Finds every process of every running service, once a second (ten times a second while one is
 * stopping), from one pass over /proc: the descendants of what devstack launched, and the
 * processes that left that tree. devstack is a child subreaper ({@link Reaper}), so a process
 * whose parent ended (a daemon's double fork) becomes devstack's child; it is attributed to its
 * service by ancestry when seen before, else by the {@code DEVSTACK_RUN} variable it inherited,
 * else by listening on the service's port. Such orphans that end are reaped here. Each scan also
 * finds who listens on each service's ports, and whether a launched process has ended while
 * something it left holds its output pipes (NuProcess waits for the pipes to close).
 *
 * <p>A process is only ever taken for a service's by its pid <em>and</em> start time: a root by
 * the start time the supervisor gave, everything else by ancestry or its variable in the same scan.
 */
final class ProcessTracker implements AutoCloseable {

    /** The variable every launched service gets: {@link #runValue}. */
    static final String RUN_VARIABLE = "DEVSTACK_RUN";

    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration STOPPING_PERIOD = Duration.ofMillis(100);
    /**
     * How long a launched process must have been a zombie before the tracker reports its end:
     * NuProcess and the exit watch report it once its output is read to the end, which is better;
     * the tracker is for when something it left keeps the pipes open.
     */
    private static final Duration LAUNCHED_ZOMBIE = Duration.ofSeconds(1);

    /**
     * One run of a unit to follow: the process devstack launched ({@code leader}, 0 once it has
     * ended) and the service's process ({@code main}: the leader, or a daemon it left), each with
     * its start time.
     */
    record Watch(String unit, int run, long leader, long leaderStart, long main, long mainStart, Set<Integer> ports,
                 boolean stopping) {
    }

    /** What a scan found for one watched run. */
    record Found(int run, Set<ServiceProcess> processes, Map<Integer, Long> listeners, OptionalInt leaderStatus) {
    }

    /**
     * What a scan found: each watched run's processes, and processes of runs that have ended
     * (strays); the listeners only if {@code listenersSeen}, else each Found's are empty and mean
     * nothing.
     */
    record Scan(Map<String, Found> units, List<ServiceProcess> strays, boolean listenersSeen) {
    }

    /** Who a process belongs to, remembered while it lives. */
    private record Owner(String unit, int run, long startTicks) {
    }

    private final long self = ProcessHandle.current().pid();
    private final ListeningSockets sockets = new ListeningSockets(new JdkProcessTable());
    private final Map<String, Watch> watched = new ConcurrentHashMap<>();
    /** What devstack launched, with when it was told: NuProcess waits for these, so they are never reaped here. */
    private final Map<Long, Long> launched = new ConcurrentHashMap<>();
    private final Set<Long> awaited = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> endedRuns = new ConcurrentHashMap<>();
    private final Map<Long, Owner> owners = new HashMap<>();
    /** Zombie children of unknown owner, by pid, with their start time: reaped when seen a second time. */
    private final Map<Long, Long> unclaimedZombies = new HashMap<>();
    /** Launched processes seen as zombies, with when first seen. */
    private final Map<Long, Long> zombieLeaders = new HashMap<>();
    private final Consumer<Scan> results;
    private final Consumer<String> problems;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Engine.daemon("devstack-processes"));
    private volatile long lastScanNanos;

    /**
     * @param results told each scan's findings, on the scanner thread
     * @param problems told once if scanning fails
     */
    ProcessTracker(Consumer<Scan> results, Consumer<String> problems) {
        this.results = results;
        this.problems = problems;
        scanner.scheduleWithFixedDelay(this::tick, STOPPING_PERIOD.toMillis(), STOPPING_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A process devstack has just launched: told before anything else may see it as an orphan. */
    void launched(long pid) {
        launched.putIfAbsent(pid, System.nanoTime());
    }

    void watch(Watch watch) {
        watched.put(watch.unit(), watch);
    }

    /** The unit's run has ended: what is found of it from now on is a stray. */
    void forget(String unit) {
        Watch watch = watched.remove(unit);
        if (watch != null) {
            endedRuns.merge(unit, watch.run(), Math::max);
        }
    }

    /** A process whose end someone else waits for (and collects): never reaped here. */
    void awaiting(long pid) {
        awaited.add(pid);
    }

    /** A failing scan is said once; the scanner goes on (a task that throws would be cancelled for good). */
    private void tick() {
        try {
            boolean stopping = watched.values().stream().anyMatch(Watch::stopping);
            if (System.nanoTime() - lastScanNanos - (stopping ? STOPPING_PERIOD : PERIOD).toNanos() >= 0) {
                // while something stops, the fast scans look for processes to signal, not for ports:
                // finding listeners reads every process's descriptors, CPU the ending services need
                results.accept(scan(!stopping));
            }
        } catch (RuntimeException e) {
            if (failed.compareAndSet(false, true)) {
                problems.accept("cannot follow the services' processes (" + e + "); processes that leave their"
                        + " service's group may outlive it");
            }
        }
    }

    /** Scans now, on the calling thread, listeners included. */
    Scan scan() {
        return scan(true);
    }

    private synchronized Scan scan(boolean withListeners) {
        long began = System.nanoTime();
        lastScanNanos = began;
        List<Watch> watches = List.copyOf(watched.values());
        ProcessTree tree = ProcessTree.read();
        Map<String, Set<ProcStat>> found = new HashMap<>();
        Set<Long> roots = new HashSet<>();
        for (Watch watch : watches) {
            found.put(watch.unit(), new LinkedHashSet<>());
            root(watch, watch.leader(), watch.leaderStart(), tree, found, roots);
            root(watch, watch.main(), watch.mainStart(), tree, found, roots);
        }
        Map<String, Watch> byUnit = new HashMap<>();
        watches.forEach(watch -> byUnit.put(watch.unit(), watch));
        List<ProcStat> unknown = new ArrayList<>();
        List<ServiceProcess> strays = new ArrayList<>();
        Set<Long> zombies = new HashSet<>();
        for (ProcStat child : tree.childrenOf(self)) {
            if (roots.contains(child.pid()) || launched.containsKey(child.pid())) {
                continue;
            }
            if (child.zombie()) {
                zombies.add(child.pid());
                collect(child);
                continue;
            }
            Optional<Owner> owner = ownerOf(child);
            Optional<Watch> watch = owner.map(o -> byUnit.get(o.unit())).filter(w -> w.run() == owner.get().run());
            if (watch.isPresent()) {
                claim(watch.get(), child, tree, found);
            } else if (owner.isPresent() && owner.get().run() <= endedRuns.getOrDefault(owner.get().unit(), 0)) {
                strays.add(ServiceProcess.of(child));
                tree.descendantsOf(child.pid()).forEach(p -> strays.add(ServiceProcess.of(p)));
            } else {
                unknown.add(child);
            }
        }
        Map<Integer, Long> listeners = withListeners ? listeners(watches, unknown, tree, found) : Map.of();
        Map<String, Found> result = new HashMap<>();
        for (Watch watch : watches) {
            Map<Integer, Long> own = new HashMap<>();
            watch.ports().forEach(port -> Optional.ofNullable(listeners.get(port)).ifPresent(pid -> own.put(port, pid)));
            Set<ServiceProcess> others = new LinkedHashSet<>();
            found.get(watch.unit()).stream().filter(p -> p.pid() != watch.leader() && !p.zombie())
                    .map(ServiceProcess::of).forEach(others::add);
            result.put(watch.unit(), new Found(watch.run(), others, own, leaderStatus(watch, tree, began)));
        }
        forgetTheGone(tree, zombies, began);
        return new Scan(result, strays, withListeners);
    }

    /** A root of a watched run, taken only while its pid still names the process that was given. */
    private void root(Watch watch, long pid, long startTicks, ProcessTree tree, Map<String, Set<ProcStat>> found,
                      Set<Long> roots) {
        Optional<ProcStat> process = tree.get(pid).filter(p -> pid > 1 && p.startTicks() == startTicks);
        if (process.isPresent()) {
            roots.add(pid);
            claim(watch, process.get(), tree, found);
        }
    }

    /** The wait status of the launched process once it has been a zombie long enough to be told. */
    private OptionalInt leaderStatus(Watch watch, ProcessTree tree, long now) {
        Optional<ProcStat> leader = tree.get(watch.leader())
                .filter(p -> watch.leader() > 1 && p.startTicks() == watch.leaderStart() && p.zombie());
        if (leader.isEmpty()) {
            return OptionalInt.empty();
        }
        long since = zombieLeaders.computeIfAbsent(watch.leader(), pid -> now);
        return now - since >= LAUNCHED_ZOMBIE.toNanos() ? OptionalInt.of(leader.get().waitStatus()) : OptionalInt.empty();
    }

    private void forgetTheGone(ProcessTree tree, Set<Long> zombies, long began) {
        owners.keySet().removeIf(pid -> tree.get(pid).isEmpty());
        // one launched while the tree was read may be missing from it, though it runs: it stays
        launched.entrySet().removeIf(e -> tree.get(e.getKey()).isEmpty() && e.getValue() - began < 0);
        awaited.removeIf(pid -> tree.get(pid).isEmpty());
        unclaimedZombies.keySet().retainAll(zombies);
        zombieLeaders.keySet().removeIf(pid -> tree.get(pid).filter(ProcStat::zombie).isEmpty());
    }

    /** The process and its descendants belong to the watched run. */
    private void claim(Watch watch, ProcStat process, ProcessTree tree, Map<String, Set<ProcStat>> found) {
        List<ProcStat> all = new ArrayList<>(List.of(process));
        all.addAll(tree.descendantsOf(process.pid()));
        for (ProcStat member : all) {
            found.get(watch.unit()).add(member);
            owners.put(member.pid(), new Owner(watch.unit(), watch.run(), member.startTicks()));
        }
    }

    /** The run an orphan of ours belongs to: as seen before, or by the variable it inherited. */
    private Optional<Owner> ownerOf(ProcStat orphan) {
        Owner known = owners.get(orphan.pid());
        if (known != null && known.startTicks() == orphan.startTicks()) {
            return Optional.of(known);
        }
        return ProcessEnvironment.variable(orphan.pid(), RUN_VARIABLE).flatMap(ProcessTracker::parse)
                .map(owner -> new Owner(owner.unit(), owner.run(), orphan.startTicks()));
    }

    /** {@code unit/run}: what {@link #RUN_VARIABLE} holds, read back by {@link #parse}. */
    static String runValue(String unit, int run) {
        return unit + "/" + run;
    }

    private static Optional<Owner> parse(String value) {
        int slash = value.lastIndexOf('/');
        try {
            return slash <= 0 ? Optional.empty()
                    : Optional.of(new Owner(value.substring(0, slash), Integer.parseInt(value.substring(slash + 1)), 0));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Who listens on the watched ports, among the processes found (only their descriptors are
     * read); an orphan that nobody claimed and that listens on a run's port is that run's.
     */
    private Map<Integer, Long> listeners(List<Watch> watches, List<ProcStat> unknown, ProcessTree tree,
                                         Map<String, Set<ProcStat>> found) {
        Map<Integer, Watch> byPort = new HashMap<>();
        watches.forEach(watch -> watch.ports().forEach(port -> byPort.put(port, watch)));
        if (byPort.isEmpty()) {
            return Map.of();
        }
        List<Long> candidates = new ArrayList<>();
        found.values().forEach(set -> set.stream().filter(p -> !p.zombie()).forEach(p -> candidates.add(p.pid())));
        unknown.forEach(p -> candidates.add(p.pid()));
        Map<Integer, Long> listeners = sockets.listenersAmong(byPort.keySet(), candidates);
        for (ProcStat orphan : unknown) {
            listeners.forEach((port, pid) -> {
                if (pid == orphan.pid()) {
                    claim(byPort.get(port), orphan, tree, found);
                }
            });
        }
        return listeners;
    }

    /**
     * Reaps an orphan of ours that has ended: at once when it was a service's, otherwise once it
     * has been a zombie in two scans (a child the JDK started, e.g. a check command, is reaped by
     * the JDK at once; so one that stays a zombie is nobody's but ours).
     */
    private void collect(ProcStat zombie) {
        if (awaited.contains(zombie.pid())) {
            return;
        }
        Owner owner = owners.get(zombie.pid());
        Long seen = unclaimedZombies.putIfAbsent(zombie.pid(), zombie.startTicks());
        if ((owner != null && owner.startTicks() == zombie.startTicks())
                || (seen != null && seen == zombie.startTicks())) {
            Reaper.reap(zombie.pid());
            unclaimedZombies.remove(zombie.pid());
            owners.remove(zombie.pid());
        }
    }

    /**
     * Once the stack has stopped: SIGKILL to what still runs of its services among devstack's
     * children (known as theirs, or carrying their variable) and to what those started.
     */
    synchronized void endOrphans(ProcessGroups groups) {
        ProcessTree tree = ProcessTree.read();
        for (ProcStat child : tree.childrenOf(self)) {
            if (!child.zombie() && !launched.containsKey(child.pid()) && !awaited.contains(child.pid())
                    && ownerOf(child).isPresent()) {
                for (ProcStat descendant : tree.descendantsOf(child.pid())) {
                    groups.signalProcess(descendant.pid(), Signal.KILL);
                }
                groups.signalProcess(child.pid(), Signal.KILL);
            }
        }
    }

    @Override
    public void close() {
        scanner.shutdownNow();
    }
}
