package dev.devstack.supervisor.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services and what each depends on, in the order they were written. Finds every cycle with its
 * whole path and groups the services into waves that can start together.
 */
public final class DependencyGraph {

    static final int MOST_CYCLES = 100;

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

    /**
     * Each cycle once, as a path that starts and ends with the same service: [api, web, api]; at
     * most {@link #MOST_CYCLES}, which is more than anyone fixes before checking again. The walk
     * keeps its own stack, so a chain of any length cannot overflow the thread's.
     */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (String start : dependsOn.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            List<String> path = new ArrayList<>(List.of(start));
            Map<String, Integer> onPath = new HashMap<>(Map.of(start, 0));
            Deque<Iterator<String>> next = new ArrayDeque<>(List.of(dependsOn.get(start).iterator()));
            while (!next.isEmpty()) {
                if (!next.peek().hasNext()) {
                    next.pop();
                    String finished = path.remove(path.size() - 1);
                    onPath.remove(finished);
                    done.add(finished);
                    continue;
                }
                String node = next.peek().next();
                Integer at = onPath.get(node);
                if (at != null) {
                    if (cycles.size() < MOST_CYCLES) {
                        List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
                        if (seen.add(canonical(cycle))) {
                            cycle.add(node);
                            cycles.add(cycle);
                        }
                    }
                } else if (!done.contains(node) && dependsOn.containsKey(node)) {
                    onPath.put(node, path.size());
                    path.add(node);
                    next.push(dependsOn.get(node).iterator());
                }
            }
        }
        return cycles;
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
     * Services in waves: the first wave depends on nothing, each later one only on earlier waves;
     * a service's wave is the length of the longest chain of dependencies below it.
     * Must only be called on a graph without cycles.
     */
    public List<List<String>> waves() {
        Map<String, List<String>> dependents = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (Map.Entry<String, List<String>> service : dependsOn.entrySet()) {
            List<String> known = service.getValue().stream().filter(dependsOn::containsKey).toList();
            known.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(service.getKey()));
            waiting.put(service.getKey(), known.size());
            if (known.isEmpty()) {
                ready.add(service.getKey());
            }
        }
        Map<String, Integer> wave = new HashMap<>();
        ready.forEach(s -> wave.put(s, 0));
        while (!ready.isEmpty()) {
            String service = ready.poll();
            for (String dependent : dependents.getOrDefault(service, List.of())) {
                wave.merge(dependent, wave.get(service) + 1, Math::max);
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (waiting.values().stream().anyMatch(n -> n > 0)) {
            throw new IllegalStateException("dependency cycle among " + waiting.entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList());
        }
        List<List<String>> waves = new ArrayList<>();
        for (String service : dependsOn.keySet()) {
            int index = wave.get(service);
            while (waves.size() <= index) {
                waves.add(new ArrayList<>());
            }
            waves.get(index).add(service);
        }
        return waves;
    }

    /** Every service that depends on {@code service}, directly. */
    public List<String> dependents(String service) {
        return dependsOn.entrySet().stream().filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey).toList();
    }
}
