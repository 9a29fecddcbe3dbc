package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static DependencyGraph graph(Object... pairs) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> deps = (List<String>) pairs[i + 1];
            edges.put((String) pairs[i], deps);
        }
        return new DependencyGraph(edges);
    }

    @Test
    void independentServicesShareAWaveAndDependentsComeAfterTheirDependencies() {
        DependencyGraph graph = graph("web", List.of("api"), "db", List.of(), "api", List.of("db", "cache"),
                "cache", List.of(), "worker", List.of());

        assertThat(graph.waves()).containsExactly(List.of("db", "cache", "worker"), List.of("api"), List.of("web"));
        assertThat(graph.cycles()).isEmpty();
        assertThat(graph.dependents("api")).containsExactly("web");
    }

    @Test
    void eachCycleIsFoundOnceWithItsWholePath() {
        DependencyGraph graph = graph("a", List.of("b"), "b", List.of("c"), "c", List.of("a"), "d", List.of("d"),
                "e", List.of("a"));

        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c", "a"), List.of("d", "d"));
    }

    @Test
    void twoCyclesThroughOneServiceAreBothFound() {
        DependencyGraph graph = graph("a", List.of("b", "c"), "b", List.of("a"), "c", List.of("a"));

        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "a"), List.of("a", "c", "a"));
    }
}
