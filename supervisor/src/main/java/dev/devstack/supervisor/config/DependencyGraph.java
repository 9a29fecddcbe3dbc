package dev.devstack.supervisor.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services and what each depends on, in the order they were written. Finds every cycle with its
 * whole path and groups the services into waves that can start together.
 */
public final class DependencyGraph {

    private final Map<String, List<String>> dependsOn;

    public DependencyGraph(Map<String, List<String>> dependsOn) {
        this.dependsOn = new LinkedHashMap<>(dependsOn);
    }

    public static DependencyGraph of(List<ServiceSpec> services) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (ServiceSpec service : services) {
            edges.put(service.name(), service.dependsOn().stream().map(Dependency::service).toList());
        }
        return new DependencyGraph(edges);
    }

    /** Each cycle once, as a path that starts and ends with the same service: [api, web, api]. */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (String start : dependsOn.keySet()) {
            visit(start, new ArrayDeque<>(), new LinkedHashSet<>(), done, cycles, seen);
        }
        return cycles;
    }

    private void visit(String node, Deque<String> path, Set<String> onPath, Set<String> done,
                       List<List<String>> cycles, Set<List<String>> seen) {
        if (onPath.contains(node)) {
            List<String> stack = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
            if (seen.add(canonical(cycle))) {
                cycle.add(node);
                cycles.add(cycle);
            }
            return;
        }
        if (done.contains(node) || !dependsOn.containsKey(node)) {
            return;
        }
        path.addLast(node);
        onPath.add(node);
        for (String next : dependsOn.get(node)) {
            visit(next, path, onPath, done, cycles, seen);
        }
        onPath.remove(node);
        path.removeLast();
        done.add(node);
    }

    /** The same cycle found from another starting point must not be reported twice. */
    private static List<String> canonical(List<String> cycle) {
        int smallest = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).compareTo(cycle.get(smallest)) < 0) {
                smallest = i;
            }
        }
        List<String> rotated = new ArrayList<>(cycle.subList(smallest, cycle.size()));
        rotated.addAll(cycle.subList(0, smallest));
        return rotated;
    }

    /**
     * Services in waves: the first wave depends on nothing, each later one only on earlier waves.
     * Must only be called on a graph without cycles.
     */
    public List<List<String>> waves() {
        Map<String, Integer> wave = new HashMap<>();
        List<List<String>> waves = new ArrayList<>();
        Set<String> remaining = new LinkedHashSet<>(dependsOn.keySet());
        while (!remaining.isEmpty()) {
            List<String> current = new ArrayList<>();
            for (String service : remaining) {
                if (dependsOn.get(service).stream().allMatch(d -> wave.containsKey(d) || !dependsOn.containsKey(d))) {
                    current.add(service);
                }
            }
            if (current.isEmpty()) {
                throw new IllegalStateException("dependency cycle among " + remaining);
            }
            current.forEach(s -> wave.put(s, waves.size()));
            remaining.removeAll(current);
            waves.add(current);
        }
        return waves;
    }

    /** Every service that depends on {@code service}, directly. */
    public List<String> dependents(String service) {
        return dependsOn.entrySet().stream().filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey).toList();
    }
}
