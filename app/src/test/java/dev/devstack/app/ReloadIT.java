package dev.devstack.app;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.detect.ConnectProbe;
import dev.devstack.store.Lease;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.plan.PortPlanner;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.Processes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `reload` of a running stack with real processes, sockets and registry: only the difference is applied. */
class ReloadIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The lease of the stack's HTTP API, which a reload keeps: its server listens there for the stack's life. */
    private static final String API = PortPlanner.API_UNIT;

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

    private SessionStack up(String yaml) {
        stack.project().write("ports.yaml", yaml);
        UpSession session = stack.open(UpOptions.ALL);
        session.start();
        return session.stack();
    }

    private ReloadOutcome reload(SessionStack running, String yaml) throws Exception {
        stack.project().write("ports.yaml", yaml);
        return running.reload(Optional.of("a test")).get(30, TimeUnit.SECONDS);
    }

    private static ServiceSnapshot await(SessionStack running, String service, ServiceState state) {
        Await.until(WAIT, service + " to be " + state.word(), () -> running.snapshot().service(service)
                .map(s -> s.state() == state).orElse(false));
        return running.snapshot().service(service).orElseThrow();
    }

    @Test
    void anAddedServiceStartsAndTheOthersKeepTheirProcessAndPort() throws Exception {
        String before = """
                services:
                  api: { command: "%s" }
                """.formatted(service("--listen"));
        SessionStack running = up(before);
        ServiceSnapshot api = await(running, "api", ServiceState.READY);

        ReloadOutcome outcome = reload(running, before + """
                  cache: { command: "%s" }
                """.formatted(service("--listen")));

        assertThat(outcome).isEqualTo(new ReloadOutcome.Applied(List.of("cache"), List.of(), List.of(),
                List.of("api")));
        ServiceSnapshot cache = await(running, "cache", ServiceState.READY);
        assertThat(new ConnectProbe(200).accepts(cache.ports().get(0))).isTrue();
        ServiceSnapshot after = running.snapshot().service("api").orElseThrow();
        assertThat(after.pid()).isEqualTo(api.pid());
        assertThat(after.ports()).isEqualTo(api.ports());
        assertThat(after.state()).isEqualTo(ServiceState.READY);
        assertThat(stack.notices("")).anyMatch(n -> n.startsWith("configuration read again (asked by a test):"
                + " starting cache; 1 unchanged"));
    }

    @Test
    void aRemovedServiceStopsLeavesNoProcessAndGivesBackItsLease() throws Exception {
        SessionStack running = up("""
                services:
                  api: { command: "%s" }
                  old: { command: "%s" }
                """.formatted(service("--listen"), service("--listen")));
        ServiceSnapshot api = await(running, "api", ServiceState.READY);
        ServiceSnapshot old = await(running, "old", ServiceState.READY);
        long oldPid = old.pid().orElseThrow();
        assertThat(leasedServices()).containsExactlyInAnyOrder(API, "api", "old");

        ReloadOutcome outcome = reload(running, """
                services:
                  api: { command: "%s" }
                """.formatted(service("--listen")));

        assertThat(outcome).isEqualTo(new ReloadOutcome.Applied(List.of(), List.of("old"), List.of(), List.of("api")));
        Await.until(WAIT, "old to leave the snapshot", () -> running.snapshot().service("old").isEmpty());
        Await.until(WAIT, "old's process to end", () -> !Processes.alive(oldPid));
        assertThat(new ConnectProbe(200).accepts(old.ports().get(0))).isFalse();
        assertThat(leasedServices()).as("the HTTP API keeps its lease").containsExactlyInAnyOrder(API, "api");
        assertThat(running.snapshot().service("api").orElseThrow().pid()).isEqualTo(api.pid());
        assertThat(stack.details("old", ServiceState.STOPPED)).containsExactly("stopped by devstack (SIGTERM)");
    }

    @Test
    void aChangedServiceRestartsOnItsPortAndAMovedPortRestartsWhatDependsOnItAfterItButNotTheRest() throws Exception {
        int dbPort = FreePorts.next();
        String yaml = """
                services:
                  api: { command: "%3$s", depends_on: [db] }
                  db: { command: "%1$s", port: %2$d, stop_command: "true", stop_timeout: 1s }
                  worker: { command: "%4$s", port: none }
                """;
        // db takes a second to stop (a stop command that does nothing, then SIGKILL), api none: had api not waited
        // for db's new run, it would start while db is still stopping
        String api = service("--dump api.json --probe DB_PORT api-probe.txt --listen");
        String worker = service("--dump worker.json");
        SessionStack running = up(yaml.formatted(service("--listen"), dbPort, api, worker));
        ServiceSnapshot db = await(running, "db", ServiceState.READY);
        long apiPid = await(running, "api", ServiceState.READY).pid().orElseThrow();
        long workerPid = await(running, "worker", ServiceState.RUNNING).pid().orElseThrow();

        ReloadOutcome changed = reload(running, yaml.formatted(service("--print again --listen"), dbPort, api, worker));

        assertThat(changed).isEqualTo(new ReloadOutcome.Applied(List.of(), List.of(), List.of("db"),
                List.of("api", "worker")));
        awaitNewRun(running, "db", db.pid().orElseThrow());
        assertThat(running.snapshot().service("db").orElseThrow().ports()).containsExactly(dbPort);
        assertThat(Processes.alive(db.pid().orElseThrow())).isFalse();
        assertThat(running.snapshot().service("api").orElseThrow().pid()).hasValue(apiPid);

        int moved = FreePorts.next();
        ReloadOutcome portMoved = reload(running, yaml.formatted(service("--delay 1.0 --print again --listen"), moved,
                api, worker));

        assertThat(portMoved).isEqualTo(new ReloadOutcome.Applied(List.of(), List.of(), List.of("api", "db"),
                List.of("worker")));
        awaitNewRun(running, "api", apiPid);
        assertThat(running.snapshot().service("db").orElseThrow().ports()).containsExactly(moved);
        Map<String, String> apiEnv = stack.project().environment("api.json");
        assertThat(apiEnv).containsEntry("DB_PORT", String.valueOf(moved));
        assertThat(stack.project().read("api-probe.txt")).as("api started again only once db was ready on its new"
                + " port").isEqualTo("accepted");
        assertThat(running.snapshot().service("worker").orElseThrow().pid()).hasValue(workerPid);
        assertThat(Processes.alive(workerPid)).isTrue();
        assertThat(leasedPorts()).contains(moved).doesNotContain(dbPort);
    }

    @Test
    void anInvalidFileChangesNothingAndEveryProblemIsReportedWithItsPlace() throws Exception {
        SessionStack running = up("""
                services:
                  api: { command: "%s" }
                """.formatted(service("--listen")));
        ServiceSnapshot api = await(running, "api", ServiceState.READY);

        ReloadOutcome outcome = reload(running, """
                services:
                  api: { command: "%s", restart: sometimes }
                  extra: { command: "%s", depends_on: [nowhere] }
                """.formatted(service("--listen"), service("--listen")));

        assertThat(outcome).isInstanceOf(ReloadOutcome.Invalid.class);
        List<ConfigProblem> problems = ((ReloadOutcome.Invalid) outcome).problems();
        assertThat(problems).hasSize(2).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("ports.yaml");
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
        });
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(2, 3);
        assertThat(running.snapshot().services()).extracting(ServiceSnapshot::name).containsExactly("api");
        assertThat(running.snapshot().service("api").orElseThrow().pid()).isEqualTo(api.pid());
        List<String> notices = stack.notices("");
        int said = notices.indexOf("configuration not applied (asked by a test): the configuration has 2 problems;"
                + " nothing changed");
        assertThat(said).isNotNegative();
        assertThat(notices.subList(said + 1, said + 3)).containsExactly("  " + problems.get(0), "  " + problems.get(1));
    }

    @Test
    void scalingUpStartsNewReplicasBesideTheRunningOnesAndScalingDownStopsTheLast() throws Exception {
        SessionStack running = up("""
                services:
                  api: { command: "%s", scale: 2 }
                """.formatted(service("--listen")));
        long first = await(running, "api.0", ServiceState.READY).pid().orElseThrow();
        long second = await(running, "api.1", ServiceState.READY).pid().orElseThrow();

        ReloadOutcome up = running.scale("api", 3, Optional.empty()).get(30, TimeUnit.SECONDS);

        assertThat(up).isEqualTo(new ReloadOutcome.Applied(List.of("api.2"), List.of(), List.of(),
                List.of("api.0", "api.1")));
        ServiceSnapshot third = await(running, "api.2", ServiceState.READY);
        assertThat(new ConnectProbe(200).accepts(third.ports().get(0))).isTrue();
        assertThat(running.snapshot().service("api.0").orElseThrow().pid()).hasValue(first);
        assertThat(running.snapshot().service("api.1").orElseThrow().pid()).hasValue(second);

        ReloadOutcome reloaded = running.reload(Optional.empty()).get(30, TimeUnit.SECONDS);

        assertThat(reloaded).as("a reload keeps the scale asked for while the file's own scale is the same")
                .isEqualTo(new ReloadOutcome.Applied(List.of(), List.of(), List.of(),
                        List.of("api.0", "api.1", "api.2")));

        ReloadOutcome down = running.scale("api", 2, Optional.empty()).get(30, TimeUnit.SECONDS);

        assertThat(down).isEqualTo(new ReloadOutcome.Applied(List.of(), List.of("api.2"), List.of(),
                List.of("api.0", "api.1")));
        long thirdPid = third.pid().orElseThrow();
        Await.until(WAIT, "api.2 to leave the snapshot", () -> running.snapshot().service("api.2").isEmpty());
        Await.until(WAIT, "api.2's process to end", () -> !Processes.alive(thirdPid));
        assertThat(running.snapshot().services()).extracting(ServiceSnapshot::name).containsExactly("api.0", "api.1");
        assertThat(leasedServices()).containsExactlyInAnyOrder(API, "api.0", "api.1");
    }

    @Test
    void aScaleBeyondTheLimitsOfTheConfigurationIsRefusedAndNothingChanges() throws Exception {
        SessionStack running = up("""
                services:
                  api: { command: "%s", scale: { replicas: 1, max: 2 } }
                """.formatted(service("--listen")));
        await(running, "api", ServiceState.READY);

        ReloadOutcome outcome = running.scale("api", 3, Optional.empty()).get(30, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOfSatisfying(ReloadOutcome.Refused.class, refused -> assertThat(refused.reason())
                .startsWith("`api` can have 1 to 2 replicas, not 3 (its `scale:` in ")
                .endsWith("ports.yaml sets the limits)"));
        assertThat(running.snapshot().services()).extracting(ServiceSnapshot::name).containsExactly("api");
    }

    @Test
    void aScaleOfAServiceThatIsNotThereIsRefused() throws Exception {
        SessionStack running = up("""
                services:
                  api: { command: "%s" }
                """.formatted(service("--listen")));
        await(running, "api", ServiceState.READY);

        ReloadOutcome outcome = running.scale("nope", 2, Optional.empty()).get(30, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(new ReloadOutcome.Refused("this stack runs no service `nope` (services: api)",
                List.of()));
    }

    @Test
    void aNewServiceWhoseFixedPortIsTakenIsRefusedAndNothingChanges() throws Exception {
        String before = """
                services:
                  api: { command: "%s" }
                """.formatted(service("--listen"));
        SessionStack running = up(before);
        ServiceSnapshot api = await(running, "api", ServiceState.READY);
        try (ForeignListener taken = ForeignListener.on(FreePorts.next())) {

            ReloadOutcome outcome = reload(running, before + """
                      db: { command: "%s", port: %d, on_conflict: fail }
                    """.formatted(service("--listen"), taken.port()));

            assertThat(outcome).isInstanceOf(ReloadOutcome.Refused.class);
            ReloadOutcome.Refused refused = (ReloadOutcome.Refused) outcome;
            assertThat(refused.details()).singleElement().asString().contains("db", String.valueOf(taken.port()));
            assertThat(running.snapshot().services()).extracting(ServiceSnapshot::name).containsExactly("api");
            assertThat(running.snapshot().service("api").orElseThrow().pid()).isEqualTo(api.pid());
            assertThat(leasedServices()).containsExactlyInAnyOrder(API, "api");
        }
    }

    /** Until the service is ready with another process than {@code before}. */
    private static void awaitNewRun(SessionStack running, String service, long before) {
        Await.until(WAIT, service + " to be ready again with a new process", () -> {
            ServiceSnapshot now = running.snapshot().service(service).orElseThrow();
            return now.state() == ServiceState.READY && now.pid().isPresent() && now.pid().getAsLong() != before;
        });
    }

    private List<String> leasedServices() {
        return leases().stream().map(lease -> lease.owner().service()).toList();
    }

    private List<Integer> leasedPorts() {
        return leases().stream().map(Lease::port).toList();
    }

    private List<Lease> leases() {
        return new MapDbLeaseRegistry(home, WAIT, warning -> { }, Clock.systemUTC()).read(view -> List.copyOf(
                view.leases()));
    }
}
