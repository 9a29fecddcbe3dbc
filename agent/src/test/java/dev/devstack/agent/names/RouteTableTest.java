package dev.devstack.agent.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    /** A stack as the table sees it, whose snapshot the test replaces. */
    private static final class Stack implements NamedStack {
        private final long pid;
        private final Map<String, List<String>> lines;
        private StackSnapshot snapshot;

        Stack(long pid, StackSnapshot snapshot, Map<String, List<String>> lines) {
            this.pid = pid;
            this.snapshot = snapshot;
            this.lines = lines;
        }

        @Override
        public StackSnapshot snapshot() {
            return snapshot;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public List<String> lastLines(String unit) {
            return lines.getOrDefault(unit, List.of());
        }
    }

    private static ServiceSnapshot unit(String name, ServiceState state, Integer... ports) {
        return new ServiceSnapshot(name, state, OptionalLong.of(100), OptionalLong.empty(), List.of(ports),
                Optional.empty(), OptionalInt.empty(), 0, new ServiceDetail.None());
    }

    private static StackSnapshot stack(String project, String instance, Optional<String> frontDoor,
                                       ServiceSnapshot... units) {
        return new StackSnapshot(project, instance, Instant.EPOCH, StackPhase.RUNNING, List.of(units), List.of(),
                frontDoor);
    }

    @Test
    void aReadyServiceIsForwardedToItsPortAndFollowsItWhenItMoves() {
        Stack shop = new Stack(10, stack("shop", "default", Optional.empty(), unit("web", ServiceState.READY, 25001),
                unit("worker", ServiceState.RUNNING)), Map.of());
        RouteTable table = new RouteTable();
        table.update(List.of(shop));

        assertThat(table.route("web.shop.localhost")).isEqualTo(new Route.Forward("web", "shop", 25001));
        shop.snapshot = stack("shop", "default", Optional.empty(), unit("web", ServiceState.READY, 25099));
        assertThat(table.route("web.shop.localhost")).isEqualTo(new Route.Forward("web", "shop", 25099));
        assertThat(table.known()).extracting(Route.Known::host).containsExactly("web.shop.localhost");
    }

    @Test
    void aServiceThatCannotAnswerGetsItsPhaseAndLastLines() {
        Stack shop = new Stack(10, stack("shop", "default", Optional.empty(), unit("web", ServiceState.CRASHED, 25001)),
                Map.of("web", List.of("Traceback", "ValueError: <boom>")));
        RouteTable table = new RouteTable();
        table.update(List.of(shop));

        assertThat(table.route("web.shop.localhost")).isEqualTo(new Route.Waiting("web", "shop", "crashed",
                List.of("Traceback", "ValueError: <boom>")));
    }

    @Test
    void theFrontDoorAnInstanceAndReplicasHaveNamesOfTheirOwn() {
        Stack shop = new Stack(10, stack("shop", "default", Optional.of("web"), unit("web.0", ServiceState.READY, 25001),
                unit("web.1", ServiceState.READY, 25002), unit("web.2", ServiceState.STARTING, 25003)), Map.of());
        Stack feature = new Stack(11, stack("shop", "feature", Optional.empty(), unit("web", ServiceState.READY, 26001)),
                Map.of());
        RouteTable table = new RouteTable();
        table.update(List.of(feature, shop));

        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ports.add(((Route.Forward) table.route("web.shop.localhost")).port());
        }
        assertThat(ports).containsExactly(25001, 25002, 25001, 25002);
        assertThat(table.route("shop.localhost")).isInstanceOf(Route.Forward.class);
        assertThat(table.route("web.feature.shop.localhost")).isEqualTo(new Route.Forward("web", "shop", 26001));
    }

    @Test
    void twoStacksOfOneNameLeaveItToTheOneThatStartedFirst() {
        Stack first = new Stack(10, stack("shop", "default", Optional.empty(), unit("web", ServiceState.READY, 25001)),
                Map.of());
        Stack second = new Stack(20, stack("shop", "default", Optional.empty(), unit("web", ServiceState.READY, 27001)),
                Map.of());
        RouteTable table = new RouteTable();
        table.update(List.of(second, first));

        assertThat(table.route("web.shop.localhost")).isEqualTo(new Route.Forward("web", "shop", 25001));
    }

    @Test
    void theAgentsOwnNamesAreLocalUnknownNamesListTheKnownOnesAndOtherHostsAreRefused() {
        RouteTable table = new RouteTable();
        table.update(List.of(new Stack(10, stack("shop", "default", Optional.empty(),
                unit("web", ServiceState.READY, 25001)), Map.of())));

        assertThat(table.route("devstack.localhost")).isEqualTo(new Route.Local());
        assertThat(table.route("localhost")).isEqualTo(new Route.Local());
        assertThat(table.route("127.0.0.1")).isEqualTo(new Route.Local());
        assertThat(table.route("[::1]")).isEqualTo(new Route.Local());
        assertThat(table.route("api.shop.localhost")).isEqualTo(new Route.Unknown("api.shop.localhost",
                List.of(new Route.Known("web.shop.localhost", "web", "shop", "ready"))));
        assertThat(table.route("evil.example.com")).isEqualTo(new Route.Refused("evil.example.com"));
        assertThat(table.route("web.shop.localhost.evil.com")).isInstanceOf(Route.Refused.class);
        assertThat(table.route("10.0.0.1")).isInstanceOf(Route.Refused.class);
    }
}
