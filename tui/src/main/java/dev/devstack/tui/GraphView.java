package dev.devstack.tui;

import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.UnitDependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph screen (`g`): each service that nothing depends on, with what it depends on
 * indented below it ({@code ├─ └─}, or ASCII), each with its state and, while it waits, what it
 * waits for. Every blocked service's chain is followed to its root cause (the service that failed
 * or never became ready), listed first ("blocked: web ← api ← db (db: exit 1)"), and the services
 * of a chain are drawn in the warning style, its root cause in the error style.
 */
final class GraphView {

    private GraphView() {
    }

    /** A blocked service's chain, the blocked service first, its root cause last, and why the root blocked them. */
    record Chain(List<String> services, ServiceDetail rootDetail) {
        String root() {
            return services.get(services.size() - 1);
        }
    }

    static void draw(Frame frame) {
        Theme theme = frame.theme();
        Symbols symbols = frame.symbols();
        Map<String, List<UnitDependency>> dependsOn = new LinkedHashMap<>();
        frame.stack().services().forEach(service -> dependsOn.put(service.name(), new ArrayList<>()));
        Set<String> needed = new HashSet<>();
        for (UnitDependency edge : frame.stack().dependencies()) {
            dependsOn.computeIfAbsent(edge.unit(), unit -> new ArrayList<>()).add(edge);
            needed.add(edge.dependsOn());
        }
        List<Chain> chains = chains(frame);
        Set<String> blocked = new HashSet<>();
        Set<String> roots = new HashSet<>();
        chains.forEach(chain -> {
            blocked.addAll(chain.services().subList(0, chain.services().size() - 1));
            roots.add(chain.root());
        });
        TextPage page = new TextPage();
        String arrow = symbols.unicode() ? " ← " : " <- ";
        for (Chain chain : chains) {
            page.line("blocked: " + String.join(arrow, chain.services()) + " (" + chain.root() + ": "
                    + DetailText.of(chain.rootDetail()) + ")", theme.bad);
        }
        if (!chains.isEmpty()) {
            page.blank();
        }
        if (frame.stack().dependencies().isEmpty()) {
            page.line("no service depends on another: they all start at once", theme.dim).blank();
        }
        Set<String> expanded = new HashSet<>();
        for (ServiceSnapshot service : frame.stack().services()) {
            if (!needed.contains(service.name())) {
                node(frame, page, service.name(), Optional.empty(), "", "", dependsOn, blocked, roots, expanded);
            }
        }
        frame.view().graphScroll = page.draw(frame.canvas(), frame.view().graphScroll);
    }

    /**
     * One service and, below it, what it depends on; {@code edge} is how its parent waits for it. A
     * service several depend on has its dependencies drawn once, under the first; later it says so,
     * which keeps the tree as long as the stack has dependencies, not exponentially longer.
     */
    private static void node(Frame frame, TextPage page, String unit, Optional<UnitDependency> edge, String lead,
                             String indent, Map<String, List<UnitDependency>> dependsOn, Set<String> blocked,
                             Set<String> roots, Set<String> expanded) {
        Theme theme = frame.theme();
        Optional<ServiceSnapshot> service = frame.stack().service(unit);
        Style name = roots.contains(unit) ? theme.bad : blocked.contains(unit) ? theme.warn : theme.strong;
        page.line(lead, theme.dim).add(unit, name);
        edge.ifPresent(e -> page.add(" (" + e.conditionWord() + ")", theme.dim));
        service.ifPresent(s -> page.add("  " + frame.symbols().of(s.state()) + " " + s.state().word(),
                theme.state(s.state())));
        service.flatMap(s -> waiting(frame, s, dependsOn.getOrDefault(unit, List.of())))
                .ifPresent(text -> page.add("  " + text, blocked.contains(unit) ? theme.warn : theme.dim));
        List<UnitDependency> below = dependsOn.getOrDefault(unit, List.of());
        if (!below.isEmpty() && !expanded.add(unit)) {
            page.add("  (what it waits for: above)", theme.dim);
            return;
        }
        boolean unicode = frame.symbols().unicode();
        for (int i = 0; i < below.size(); i++) {
            boolean last = i == below.size() - 1;
            String branch = unicode ? (last ? "└─ " : "├─ ") : (last ? "`- " : "|- ");
            String more = unicode ? (last ? "   " : "│  ") : (last ? "   " : "|  ");
            node(frame, page, below.get(i).dependsOn(), Optional.of(below.get(i)), indent + branch, indent + more,
                    dependsOn, blocked, roots, expanded);
        }
    }

    /** What a waiting service waits for (the dependencies not yet met), or why a blocked one is blocked. */
    private static Optional<String> waiting(Frame frame, ServiceSnapshot service, List<UnitDependency> edges) {
        if (service.state() == ServiceState.BLOCKED) {
            return Optional.of(DetailText.of(service.detail()));
        }
        if (service.state() != ServiceState.PENDING) {
            return Optional.empty();
        }
        List<String> unmet = new ArrayList<>();
        for (UnitDependency edge : edges) {
            ServiceState state = frame.stack().service(edge.dependsOn()).map(ServiceSnapshot::state)
                    .orElse(ServiceState.PENDING);
            if (!edge.metBy(state)) {
                unmet.add(edge.dependsOn() + " (" + edge.conditionWord() + ")");
            }
        }
        return unmet.isEmpty() ? Optional.empty() : Optional.of("waits for " + String.join(", ", unmet));
    }

    /** Each blocked service's chain, followed through the services that blocked it to one that is not blocked. */
    static List<Chain> chains(Frame frame) {
        List<Chain> chains = new ArrayList<>();
        for (ServiceSnapshot service : frame.stack().services()) {
            if (service.state() != ServiceState.BLOCKED) {
                continue;
            }
            List<String> path = new ArrayList<>(List.of(service.name()));
            ServiceDetail detail = service.detail();
            ServiceDetail rootDetail = detail;
            while (true) {
                Optional<String> next = blocker(detail);
                if (next.isEmpty() || path.contains(next.get())) {
                    break;
                }
                rootDetail = cause(detail);
                path.add(next.get());
                Optional<ServiceSnapshot> blocking = frame.stack().service(next.get());
                if (blocking.isEmpty() || blocking.get().state() != ServiceState.BLOCKED) {
                    break;
                }
                detail = blocking.get().detail();
            }
            if (path.size() > 1) {
                chains.add(new Chain(path, rootDetail));
            }
        }
        Set<String> inLonger = new HashSet<>();
        chains.forEach(chain -> inLonger.addAll(chain.services().subList(1, chain.services().size())));
        return chains.stream().filter(chain -> !inLonger.contains(chain.services().get(0))).toList();
    }

    private static Optional<String> blocker(ServiceDetail detail) {
        if (detail instanceof ServiceDetail.WaitsFor waits) {
            return Optional.of(waits.service());
        }
        if (detail instanceof ServiceDetail.WaitsForUnready waits) {
            return Optional.of(waits.service());
        }
        return Optional.empty();
    }

    private static ServiceDetail cause(ServiceDetail detail) {
        if (detail instanceof ServiceDetail.WaitsFor waits) {
            return waits.detail();
        }
        return ((ServiceDetail.WaitsForUnready) detail).detail();
    }
}
