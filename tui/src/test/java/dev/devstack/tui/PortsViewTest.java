package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.moved;
import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The ports screen: this stack's ports and why, who listens on them, the machine's other ports, and other hosts' leases. */
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

    @Test
    void otherHostsLeasesFollowTheMachinesPortsMarkedRemoteWithTheirHostAlsoIn80Columns() {
        FakeStack stack = new FakeStack(List.of(service("api", ServiceState.READY, 1240, 4012, new ServiceDetail.None())),
                List.of(port("api", 4012)));
        List<PortRow> machine = List.of(
                new PortRow(4012, List.of("127.0.0.1"),
                        Optional.of(new PortProcess(1240, "python3 api.py", "pid 1240 (python3 api.py, user dev)")),
                        OptionalLong.of(1240), "dev", Optional.of(new PortLease("shop/api", true)), false, ""),
                PortRow.remote("build-2", 4012, "ana", new PortLease("shop/api", false)),
                PortRow.remote("ci-runner-7", 20410, "ci", new PortLease("claim \"ci-db\"", false)));
        screen = VirtualDashboard.of(stack, 80, 24, () -> machine);
        screen.awaitRow("● ready");

        screen.type('p');

        screen.awaitRow("MACHINE", "then other hosts' leases");
        screen.awaitRow("api ", "4012", "pid 1240 on 127.0.0.1");
        int local = screen.rowOf("shop/api (this stack)");
        String remote = screen.awaitRow("4012 ", "remote: build-2", "ana", "shop/api");
        screen.awaitRow("20410 ", "remote: ci-runner-7", "ci", "claim \"ci-db\"");
        assertThat(remote).doesNotContain("this stack");
        assertThat(screen.rowOf("remote: build-2")).isGreaterThan(local);
        assertThat(screen.rowOf("remote: ci-runner-7")).isGreaterThan(screen.rowOf("remote: build-2"));
    }

    @Test
    void withoutRemoteLeasesTheHeadingSaysNothingOfOtherHosts() {
        FakeStack stack = new FakeStack(List.of(service("api", ServiceState.READY, 1240, 4012, new ServiceDetail.None())),
                List.of(port("api", 4012)));
        screen = VirtualDashboard.of(stack, 100, 24, () -> List.of(new PortRow(4012, List.of("127.0.0.1"), Optional.empty(),
                OptionalLong.empty(), "dev", Optional.of(new PortLease("shop/api", true)), false, "")));
        screen.awaitRow("● ready");

        screen.type('p');

        String heading = screen.awaitRow("MACHINE", "every listening TCP port and devstack lease");
        assertThat(heading).doesNotContain("other hosts");
        assertThat(screen.text()).doesNotContain("remote");
    }
}
