package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.moved;
import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;

import com.googlecode.lanterna.input.KeyType;
import dev.devstack.app.view.PortLease;
import dev.devstack.app.view.PortProcess;
import dev.devstack.app.view.PortRow;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ports screen: this stack's ports and why, who listens on them, and the machine's other ports. */
class PortsViewTest {

    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    @Test
    void showsWhyEachPortWasChosenWhoListensAndFlagsAForeignListener() {
        FakeStack stack = new FakeStack(List.of(
                service("api", ServiceState.READY, 1240, 4012, new ServiceDetail.None()),
                service("web", ServiceState.RUNNING, 1250, 4013, new ServiceDetail.None())),
                List.of(port("api", 4012), moved("web", 4013, 3000, "node dev.js")));
        List<PortRow> machine = List.of(
                new PortRow(22, List.of("0.0.0.0", "::"), Optional.empty(), OptionalLong.empty(), "root",
                        Optional.empty(), false, ""),
                new PortRow(4012, List.of("127.0.0.1"),
                        Optional.of(new PortProcess(1240, "python3 api.py", "pid 1240 (python3 api.py, user dev)")),
                        OptionalLong.of(1240), "dev", Optional.of(new PortLease("shop/api", true)), false, ""),
                new PortRow(4013, List.of("127.0.0.1"),
                        Optional.of(new PortProcess(999, "nc -l 4013", "pid 999 (nc -l 4013, user dev)")),
                        OptionalLong.of(999), "dev", Optional.empty(), false, ""),
                new PortRow(5432, List.of(), Optional.empty(), OptionalLong.empty(), "dev",
                        Optional.of(new PortLease("blog/db", false)), false, ""));
        screen = VirtualDashboard.of(stack, 140, 30, () -> machine);
        screen.awaitRow("● ready");

        screen.type('p');

        screen.awaitRow("devstack", "ports");
        screen.awaitRow("THIS STACK");
        screen.awaitRow("api ", "4012", "same as last time", "pid 1240 on 127.0.0.1");
        screen.awaitRow("web ", "4013*", "moved: port 3000, which is in use by pid 88 (node dev.js)",
                "CONFLICT: pid 999 (nc -l 4013, user dev) listens here");
        screen.awaitRow("22 ", "0.0.0.0,::", "root", "(process not visible to you)");
        screen.awaitRow("4012 ", "1240", "shop/api (this stack)", "python3 api.py");
        screen.awaitRow("5432 ", "not listening", "blog/db");

        screen.press(KeyType.Escape);

        screen.awaitGone("THIS STACK");
        screen.awaitRow("● ready");
    }
}
