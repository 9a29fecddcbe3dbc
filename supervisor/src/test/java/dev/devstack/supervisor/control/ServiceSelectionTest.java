package dev.devstack.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServiceSelectionTest {

    private static final List<ServiceSnapshot> STACK = List.of(unit("web"), unit("api"), unit("worker.0"),
            unit("worker.1"), unit("api-admin"));

    @Test
    void namesAndGlobsMeanUnitsInTheStacksOrder() {
        assertThat(ServiceSelection.select(STACK, List.of("api"))).containsExactly("api");
        assertThat(ServiceSelection.select(STACK, List.of("api*", "web"))).containsExactly("web", "api", "api-admin");
        assertThat(ServiceSelection.select(STACK, List.of("worker"))).containsExactly("worker.0", "worker.1");
        assertThat(ServiceSelection.select(STACK, List.of("worker.1"))).containsExactly("worker.1");
        assertThat(ServiceSelection.select(STACK, List.of("w??"))).containsExactly("web");
        assertThat(ServiceSelection.select(STACK, List.of("*"))).hasSize(5);
    }

    @Test
    void aGlobsDotIsADotAndNotAnyCharacter() {
        assertThatThrownBy(() -> ServiceSelection.select(STACK, List.of("worker.")))
                .hasMessageContaining("\"worker.\"");
        assertThat(ServiceSelection.select(List.of(unit("a.b"), unit("axb")), List.of("a.b"))).containsExactly("a.b");
    }

    @Test
    void whatMatchesNothingIsNamedWithWhatThereIs() {
        assertThatThrownBy(() -> ServiceSelection.select(STACK, List.of("web", "db", "cache*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no service of this stack is called \"db\" or \"cache*\"; it has: web, api, worker.0, worker.1,"
                        + " api-admin");
    }

    private static ServiceSnapshot unit(String name) {
        return new ServiceSnapshot(name, ServiceState.READY, OptionalLong.empty(), OptionalLong.empty(), List.of(),
                Optional.empty(), OptionalInt.empty(), 0, new ServiceDetail.None());
    }
}
