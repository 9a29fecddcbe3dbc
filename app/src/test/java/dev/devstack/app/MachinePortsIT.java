package dev.devstack.app;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.store.ProcessRecord;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine-wide port list of the dashboard, with a real stack, a foreign listener and the real registry. */
class MachinePortsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() {
        stack.close();
    }

    @Test
    void everyPortShowsItsProcessAndItsLease() throws Exception {
        stack.project().write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  quiet: { command: "%s", ready: { log: started } }
                """.formatted(service("--listen"), service("--print started")));
        UpSession session = stack.open(UpOptions.ALL);
        session.start();
        Supervisor supervisor = session.supervisor();
        Await.until(WAIT, "both services ready", () -> supervisor.snapshot().services().stream()
                .allMatch(s -> s.state() == ServiceState.READY));
        ServiceSnapshot api = supervisor.snapshot().service("api").orElseThrow();
        int quietPort = supervisor.snapshot().service("quiet").orElseThrow().ports().get(0);

        try (ServerSocket foreign = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<MachinePort> ports = session.machinePorts().read(false).ports();

            MachinePort served = ports.stream().filter(p -> p.port() == api.ports().get(0)).findFirst().orElseThrow();
            assertThat(served.addresses()).containsExactly("127.0.0.1");
            assertThat(served.process()).map(ProcessInfo::pid).hasValue(api.pid().orElseThrow());
            assertThat(served.processGroup()).hasValue(api.pid().orElseThrow());
            assertThat(served.lease()).hasValueSatisfying(lease -> {
                assertThat(lease.owner().service()).isEqualTo("api");
                assertThat(lease.owner().project()).isEqualTo(projectDir.toString());
            });

            MachinePort idle = ports.stream().filter(p -> p.port() == quietPort).findFirst().orElseThrow();
            assertThat(idle.listening()).isFalse();
            assertThat(idle.lease()).hasValueSatisfying(lease -> assertThat(lease.owner().service()).isEqualTo("quiet"));

            MachinePort other = ports.stream().filter(p -> p.port() == foreign.getLocalPort()).findFirst().orElseThrow();
            assertThat(other.process()).map(ProcessInfo::pid).hasValue(ProcessHandle.current().pid());
            assertThat(other.lease()).isEmpty();
        }
    }

    @Test
    void aForeignListenerOnALeasedPortIsAConflictAndEndedLeasesAreListedOnlyWhenAsked() throws Exception {
        int leased = FreePorts.next();
        int ended = FreePorts.next();
        ProcessHandle self = ProcessHandle.current();
        long selfStart = self.info().startInstant().orElseThrow().toEpochMilli();
        LeaseOwner web = new LeaseOwner("/home/dev/shop", "default", "web", "");
        LeaseOwner db = new LeaseOwner("/home/dev/blog", "default", "db", "");
        new MapDbLeaseRegistry(home, WAIT, warning -> { }, Clock.systemUTC()).update(tx -> {
            tx.putLease(new Lease(web, leased, self.pid(), selfStart, "dev", Instant.now()));
            tx.recordProcess(new ProcessRecord("/home/dev/shop", "default", "web", 999_999_998, 1, self.pid(), selfStart,
                    Instant.now()));
            tx.putLease(new Lease(db, ended, 999_999_999, 1, "dev", Instant.now()));
            return null;
        });
        MachinePorts machine = MachinePorts.of(new ProjectContext(projectDir, System.getenv(), home, "default",
                Clock.systemUTC()), warning -> { });

        try (ForeignListener foreign = ForeignListener.on(leased)) {
            MachinePort conflicted = machine.read(false).ports().stream().filter(p -> p.port() == leased).findFirst()
                    .orElseThrow();
            assertThat(conflicted.leaseAlive()).isTrue();
            assertThat(conflicted.conflict()).hasValueSatisfying(conflict -> assertThat(conflict.describe())
                    .startsWith("pid " + foreign.pid() + " (")
                    .endsWith("listens on a port leased to web of /home/dev/shop, and is not its process"));

            assertThat(machine.read(false).ports()).noneMatch(p -> p.port() == ended);
            MachinePort stale = machine.read(true).ports().stream().filter(p -> p.port() == ended).findFirst().orElseThrow();
            assertThat(stale.leaseAlive()).isFalse();
            assertThat(stale.listening()).isFalse();
            assertThat(stale.conflict()).isEmpty();
        }
    }
}
