package dev.devstack.supervisor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.detect.SocketPortProbe;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.StickyPort;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortPlannerTest {

    @TempDir
    Path dir;

    private final FakeProbe probe = new FakeProbe();
    private final MemoryRegistry registry = new MemoryRegistry();
    private final PortPlanner planner = new PortPlanner(probe, port -> new PortRefusal.Seen(new ProcessInfo(99, 1, "dev", "nginx")), EarlierRuns.NONE);

    private StackConfig config(String yaml) throws IOException {
        Files.writeString(dir.resolve("ports.yaml"), yaml);
        return new ConfigLoader(Map.of()).load(dir);
    }

    private PortPlan plan(StackConfig config) {
        return planner.plan(config, "default", registry, lease -> true, false);
    }

    private LeaseOwner owner(String service) {
        return new LeaseOwner(dir.toAbsolutePath().normalize().toString(), "default", service, "");
    }

    @Test
    void anAutomaticPortComesFromTheRangeAtAStableHashedOffset() throws IOException {
        StackConfig config = config("range: 4000-4999\nservices:\n  api: { command: ./api }\n  web: { command: ./web }\n");

        PortPlan first = plan(config);
        PortPlan again = plan(config);

        int api = first.primary("api").getAsInt();
        assertThat(api).isBetween(4000, 4999);
        assertThat(again.primary("api")).hasValue(api);
        assertThat(first.primary("web").getAsInt()).isNotEqualTo(api);
        assertThat(first.of("api").get(0).reason()).isEqualTo(new AssignmentReason.Automatic("4000-4999"));
    }

    @Test
    void theStickyPortIsReusedWhenFree() throws IOException {
        registry.remember(new StickyPort(owner("api"), 24123, Instant.EPOCH));

        PortPlan plan = plan(config("services:\n  api: { command: ./api }\n"));

        assertThat(plan.primary("api")).hasValue(24123);
        assertThat(plan.of("api").get(0).reason()).isEqualTo(new AssignmentReason.Sticky());
    }

    @Test
    void theStacksApiGetsAPortOfItsOwnInTheRangeThatNoServiceHas() throws IOException {
        StackConfig config = config("range: 4000-4009\nservices:\n  api: { command: ./api }\n  web: { command: ./web }\n");

        PortPlan plan = plan(config);

        PortAssignment api = plan.api().orElseThrow();
        assertThat(api.service()).isEqualTo(PortPlanner.API_UNIT);
        assertThat(api.port()).isBetween(4000, 4009)
                .isNotIn(plan.primary("api").getAsInt(), plan.primary("web").getAsInt());
        assertThat(plan.assignments()).extracting(PortAssignment::service).containsExactly("api", "web");
        assertThat(plan(config).api().orElseThrow().port()).as("the same offset every time").isEqualTo(api.port());
    }

    @Test
    void theApisStickyPortIsReusedWhileInTheRangeAndNeverTakenFromAService() throws IOException {
        registry.remember(new StickyPort(owner(PortPlanner.API_UNIT), 4005, Instant.EPOCH));
        registry.remember(new StickyPort(owner("web"), 4006, Instant.EPOCH));

        PortPlan sticky = plan(config("range: 4000-4009\nservices:\n  web: { command: ./web }\n"));
        PortPlan wanted = plan(config("range: 4000-4009\nservices:\n  web: { command: ./web, port: 4005 }\n"));
        PortPlan outside = plan(config("range: 5000-5009\nservices:\n  web: { command: ./web }\n"));

        assertThat(sticky.api().orElseThrow().port()).isEqualTo(4005);
        assertThat(sticky.api().orElseThrow().reason()).isEqualTo(new AssignmentReason.Sticky());
        assertThat(wanted.primary("web")).hasValue(4005);
        assertThat(wanted.api().orElseThrow().port()).isNotEqualTo(4005).isBetween(4000, 4009);
        assertThat(outside.api().orElseThrow().port()).isBetween(5000, 5009);
    }

    @Test
    void aReloadKeepsThePortWhereTheApisServerListens() throws IOException {
        StackConfig config = config("range: 4000-4009\nservices:\n  web: { command: ./web }\n");
        PortPlan running = plan(config);
        PortAssignment api = running.api().orElseThrow();
        probe.inUse(api.port());

        PortPlan reloaded = planner.replan(config, "default", registry, lease -> true, running.assignments(),
                running.api());

        assertThat(reloaded.api()).hasValue(api);
        assertThat(reloaded.primary("web")).isEqualTo(running.primary("web"));
    }

    @Test
    void aReloadKeepsAUnitWhereItMovedWhileItStillPrefersThePortItMovedFrom() throws IOException {
        StackConfig config = config("services:\n  a: { command: ./a, port: 44500 }\n  b: { command: ./b, port: 44500 }\n");
        PortPlan running = plan(config);
        PortAssignment moved = running.of("b").get(0);
        assertThat(moved.reason()).isInstanceOf(AssignmentReason.Moved.class);
        probe.inUse(44500);
        probe.inUse(moved.port());

        PortPlan reloaded = planner.replan(config, "default", registry, lease -> true, running.assignments(),
                running.api());

        assertThat(reloaded.of("b")).containsExactly(moved);
        assertThat(reloaded.primary("a")).hasValue(44500);
    }

    @Test
    void aFullRangeLeavesTheStackWithoutAnApiRatherThanFailingIt() throws IOException {
        probe.inUse(4001);

        PortPlan plan = plan(config("range: 4000-4001\nservices:\n  web: { command: ./web }\n"));

        assertThat(plan.primary("web")).hasValue(4000);
        assertThat(plan.api()).isEmpty();
    }

    @Test
    void aStickyPortThatIsNoLongerConfiguredGivesWayToTheConfiguredOne() throws IOException {
        registry.remember(new StickyPort(owner("api"), 24123, Instant.EPOCH));

        PortPlan plan = plan(config("services:\n  api: { command: ./api, port: 3000 }\n"));

        assertThat(plan.primary("api")).hasValue(3000);
        assertThat(plan.of("api").get(0).reason()).isEqualTo(new AssignmentReason.Preferred());
    }

    @Test
    void aTakenPreferredPortMovesTheServiceAndSaysWhoHasIt() throws IOException {
        probe.inUse(3000);

        PortPlan plan = plan(config("services:\n  api: { command: ./api, port: 3000 }\n"));

        assertThat(plan.primary("api").getAsInt()).isBetween(20000, 29999);
        assertThat(plan.of("api").get(0).reason().describe())
                .isEqualTo("moved: port 3000, which is in use by pid 99 (nginx, user dev)");
    }

    @Test
    void theNextPreferredPortIsTriedBeforeTheRange() throws IOException {
        probe.inUse(3000);

        PortPlan plan = plan(config("services:\n  api: { command: ./api, port: [3000, 3001] }\n"));

        assertThat(plan.primary("api")).hasValue(3001);
    }

    @Test
    void aPortThatMayNotBeBoundIsReportedAsNotAllowedNotAsInUse() throws IOException {
        probe.notAllowed(3000);

        PortPlan plan = plan(config("services:\n  api: { command: ./api, port: 3000 }\n"));

        assertThat(plan.of("api").get(0).reason().describe())
                .isEqualTo("moved: port 3000, which is not allowed for this user (Permission denied)");
    }

    /** Says the holder of {@code port} is an earlier run of every service asking; records what it was asked to end. */
    private static final class EarlierRunOn implements EarlierRuns {
        private final int port;
        final List<EarlierRun> ended = new ArrayList<>();

        EarlierRunOn(int port) {
            this.port = port;
        }

        @Override
        public Optional<EarlierRun> find(int asked, StackConfig config, String instance, ServiceSpec service) {
            return asked == port ? Optional.of(new EarlierRun(port, 88, 1, "pid 88 (node dev.js, user dev)",
                    "the same command in the same folder")) : Optional.empty();
        }

        @Override
        public boolean end(EarlierRun run) {
            ended.add(run);
            return true;
        }
    }

    @Test
    void anEarlierRunOnTheWantedPortIsNamedWhenTheServiceMoves() throws IOException {
        probe.inUse(3000);
        PortPlanner recognising = new PortPlanner(probe, port -> new PortRefusal.Seen(new ProcessInfo(88, 1, "dev", "node dev.js")),
                new EarlierRunOn(3000));

        PortPlan plan = recognising.plan(config("services:\n  web: { command: node dev.js, port: 3000 }\n"),
                "default", registry, lease -> true, false);

        assertThat(plan.of("web").get(0).reason().describe()).isEqualTo("moved: port 3000, which is in use by pid 88"
                + " (node dev.js, user dev), which looks like an earlier run of `web` (the same command in the same"
                + " folder); `devstack kill 3000` ends it, `on_conflict: kill-own` does so every time, `up --adopt`"
                + " keeps it");
    }

    @Test
    void adoptKeepsTheEarlierRunOnItsPortAndEndsNothing() throws IOException {
        probe.inUse(3000);
        EarlierRunOn earlier = new EarlierRunOn(3000);
        PortPlanner recognising = new PortPlanner(probe, port -> new PortRefusal.Seen(new ProcessInfo(88, 1, "dev", "node dev.js")), earlier);

        PortPlan plan = recognising.plan(config("services:\n  web: { command: node dev.js, port: 3000,"
                + " on_conflict: kill-own }\n  api: { command: ./api, port: 3000 }\n"), "default", registry,
                lease -> true, false, true);

        assertThat(plan.primary("web")).hasValue(3000);
        assertThat(plan.of("web").get(0).reason()).isEqualTo(new AssignmentReason.Adopted(88, 1,
                "pid 88 (node dev.js, user dev)", "the same command in the same folder"));
        assertThat(plan.primary("api")).as("the adopted port is not given twice").isNotEqualTo(plan.primary("web"));
        assertThat(earlier.ended).isEmpty();
    }

    @Test
    void killOwnOnlyPreviewsTheEndingWhenNothingIsHeld() throws IOException {
        probe.inUse(3000);
        EarlierRunOn earlier = new EarlierRunOn(3000);
        PortPlanner recognising = new PortPlanner(probe, port -> new PortRefusal.Seen(new ProcessInfo(88, 1, "dev", "node dev.js")), earlier);

        PortPlan plan = recognising.plan(config("services:\n  web: { command: node dev.js, port: 3000,"
                + " on_conflict: kill-own }\n"), "default", registry, lease -> true, false);

        assertThat(plan.primary("web")).hasValue(3000);
        assertThat(plan.of("web").get(0).reason().describe()).isEqualTo("as configured, after ending pid 88 (node"
                + " dev.js, user dev), an earlier run (the same command in the same folder)");
        assertThat(earlier.ended).isEmpty();
    }

    @Test
    void killOwnLeavesAStrangerAloneAndFails() throws IOException {
        probe.inUse(3000);
        PortPlanner recognising = new PortPlanner(probe, port -> new PortRefusal.Seen(new ProcessInfo(99, 1, "dev", "nginx")),
                new EarlierRunOn(4000));
        StackConfig config = config("services:\n  web: { command: node dev.js, port: 3000, on_conflict: kill-own }\n");

        assertThatThrownBy(() -> recognising.plan(config, "default", registry, lease -> true, true))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.details()).containsExactly(
                        "`web` needs port 3000, which is in use by pid 99 (nginx, user dev); it is not an earlier run"
                                + " of `web`, so on_conflict: kill-own left it alone. Stop that process, or let devstack"
                                + " choose another port: `on_conflict: next` (the default) for `web` in ports.yaml"));
    }

    @Test
    void everyTakenStrictPortIsReportedTogetherWithItsHolderAndTheNextStep() throws IOException {
        probe.inUse(5432, 6379);
        StackConfig config = config("""
                services:
                  db: { command: ./db, port: 5432, strict: true }
                  cache: { command: ./cache, port: 6379, strict: true }
                """);

        assertThatThrownBy(() -> plan(config)).isInstanceOfSatisfying(DevstackException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.PORT_CONFLICT);
            assertThat(e.details()).containsExactly(
                    "`db` needs port 5432, which is in use by pid 99 (nginx, user dev). Stop that process, or let"
                            + " devstack choose another port: `on_conflict: next` (the default) for `db` in ports.yaml",
                    "`cache` needs port 6379, which is in use by pid 99 (nginx, user dev). Stop that process, or let"
                            + " devstack choose another port: `on_conflict: next` (the default) for `cache` in ports.yaml");
        });
    }

    @Test
    void aPortLeasedToAnotherLiveProjectIsSkippedWithoutProbingIt() throws IOException {
        registry.lease(new Lease(new LeaseOwner("/other/project", "default", "api", ""), 3000, 4242, 1, "dev",
                Instant.EPOCH));

        PortPlan plan = plan(config("services:\n  api: { command: ./api, port: 3000 }\n"));

        assertThat(plan.primary("api").getAsInt()).isNotEqualTo(3000);
        assertThat(probe.probed).doesNotContain(3000);
        assertThat(plan.of("api").get(0).reason().describe()).isEqualTo(
                "moved: port 3000, which is leased to api of /other/project (pid 4242)");
    }

    @Test
    void aLeaseWhoseProcessIsGoneDoesNotBlockThePort() throws IOException {
        registry.lease(new Lease(new LeaseOwner("/other/project", "default", "api", ""), 3000, 4242, 1, "dev",
                Instant.EPOCH));
        StackConfig config = config("services:\n  api: { command: ./api, port: 3000 }\n");

        PortPlan plan = planner.plan(config, "default", registry, lease -> false, false);

        assertThat(plan.primary("api")).hasValue(3000);
    }

    @Test
    void aPortRememberedForAnotherProjectIsAvoidedUntilNothingElseIsFree() throws IOException {
        StackConfig config = config("range: 4000-4001\nservices:\n  api: { command: ./api }\n");
        int natural = plan(config).primary("api").getAsInt();
        registry.remember(new StickyPort(new LeaseOwner("/other", "default", "x", ""), natural, Instant.EPOCH));

        assertThat(plan(config).primary("api")).hasValue(natural == 4000 ? 4001 : 4000);

        probe.inUse(natural == 4000 ? 4001 : 4000);
        assertThat(plan(config).primary("api")).hasValue(natural);
    }

    @Test
    void servicesOfOneStackNeverShareAPort() throws IOException {
        PortPlan plan = plan(config("""
                range: 4000-4002
                services:
                  a: { command: ./a, port: 4000 }
                  b: { command: ./b, port: 4000 }
                  c: { command: ./c }
                """));

        assertThat(plan.assignments()).extracting(PortAssignment::port).containsExactlyInAnyOrder(4000, 4001, 4002);
        assertThat(plan.of("b").get(0).reason().describe())
                .isEqualTo("moved: port 4000, which is given to another service of this stack");
    }

    @Test
    void eachReplicaGetsItsOwnPortAndPreferredPortsAreOffsetByTheReplica() throws IOException {
        PortPlan plan = plan(config("""
                services:
                  api: { command: ./api, port: 3000, scale: 3 }
                  worker: { command: ./w, scale: 2 }
                """));

        assertThat(plan.primary("api.0")).hasValue(3000);
        assertThat(plan.primary("api.1")).hasValue(3001);
        assertThat(plan.primary("api.2")).hasValue(3002);
        assertThat(plan.primary("worker.0").getAsInt()).isNotEqualTo(plan.primary("worker.1").getAsInt());
        assertThat(plan.primary("api")).isEmpty();
    }

    @Test
    void anInheritingServiceGetsThePrimaryPortOfItsSource() throws IOException {
        PortPlan plan = plan(config("services:\n  api: { command: ./api, port: 3000 }\n  ws: { command: ./ws, inherit_port: api }\n"));

        assertThat(plan.primary("ws")).hasValue(3000);
        assertThat(plan.of("ws").get(0).reason()).isEqualTo(new AssignmentReason.Inherited("api"));
    }

    @Test
    void aFullRangeIsAPortConflictNamingTheRange() throws IOException {
        probe.inUse(4000, 4001);
        StackConfig config = config("range: 4000-4001\nservices:\n  api: { command: ./api }\n");

        assertThatThrownBy(() -> plan(config)).isInstanceOfSatisfying(DevstackException.class, e -> {
            assertThat(e.getMessage()).as("not a port the stack insists on").isEqualTo("a range has no free port left");
            assertThat(e.details()).containsExactly("`api` found no free port in the range 4000-4001;"
                    + " widen `range:` in ports.yaml or free some ports");
        });
    }

    @Test
    void heldPortsStayBoundUntilTheirServiceIsReleased() throws IOException {
        PortPlanner real = new PortPlanner(new SocketPortProbe(), port -> new PortRefusal.Unseen(), EarlierRuns.NONE);
        StackConfig config = config("services:\n  api: { command: ./api }\n  web: { command: ./web }\n");

        try (PortPlan plan = real.plan(config, "default", registry, lease -> true, true)) {
            int api = plan.primary("api").getAsInt();
            int web = plan.primary("web").getAsInt();
            assertThat(canListen(api)).isFalse();

            plan.release("api");

            assertThat(canListen(api)).isTrue();
            assertThat(canListen(web)).isFalse();
        }
    }

    private static boolean canListen(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (BindException e) {
            return false;
        }
    }
}
