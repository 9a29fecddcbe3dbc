package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** + and -: one replica more or fewer, counted from the units the stack runs, one change at a time. */
class ScalingTest {

    private final FakeStack stack = new FakeStack(List.of(
            service("api.0", ServiceState.READY, 0, 4012, new ServiceDetail.None()),
            service("api.1", ServiceState.READY, 0, 4013, new ServiceDetail.None()),
            service("web", ServiceState.RUNNING, 0, 4014, new ServiceDetail.None())),
            List.of(port("api.0", 4012), port("api.1", 4013), port("web", 4014)));
    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    @Test
    void plusAndMinusCountFromTheReplicasRunning() {
        screen = VirtualDashboard.of(stack, 100, 20);
        screen.awaitRow("logs: api.0");

        screen.type('+');
        screen.awaitRow("reloaded");
        screen.type('-');
        screen.awaitRow(row -> stack.requests.contains("scale api to 1"), "the scale down");

        assertThat(stack.requests).containsExactly("scale api to 3", "scale api to 1");
    }

    @Test
    void aSecondChangeWhileTheFirstIsUnderWayIsRefused() {
        screen = VirtualDashboard.of(stack, 100, 20);
        screen.awaitRow("logs: api.0");
        stack.scalesHang = true;

        screen.type('+');
        screen.awaitRow("adding a replica of api (2 → 3)");
        screen.type('+');

        screen.awaitRow("api is being scaled already");
        assertThat(stack.requests).containsExactly("scale api to 3");
    }

    @Test
    void minusOnTheLastReplicaSaysHowToStopItInstead() {
        screen = VirtualDashboard.of(stack, 100, 20);
        screen.awaitRow("logs: api.0");
        screen.type('j', 'j');
        screen.awaitRow("logs: web");

        screen.type('-');

        screen.awaitRow("web runs one replica, the fewest it can: s stops it instead");
        assertThat(stack.requests).isEmpty();
    }
}
