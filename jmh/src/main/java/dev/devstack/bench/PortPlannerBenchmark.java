package dev.devstack.bench;

import dev.devstack.detect.SocketPortProbe;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.StickyPort;
import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.plan.EarlierRuns;
import dev.devstack.supervisor.plan.PortPlan;
import dev.devstack.supervisor.plan.PortPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The allocator: {@link PortPlanner} choosing a port for every service of a generated stack of
 * {@code services} services, probing each candidate on 127.0.0.1 with real sockets and, with
 * {@code hold}, keeping the chosen ports bound as `up` does (they are let go after each plan).
 * {@code empty}: nothing remembered, every port scanned for from its hashed offset (a first
 * `up`); {@code sticky}: every service has its port of last time (every later `up`).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PortPlannerBenchmark {

    @Param({"10", "50", "200"})
    int services;

    @Param({"empty", "sticky"})
    String registry;

    @Param({"true"})
    boolean hold;

    private TempFolder project;
    private StackConfig config;
    private RegistrySnapshot snapshot;
    private final PortPlanner planner = new PortPlanner(new SocketPortProbe(), port -> new PortRefusal.Unseen(),
            EarlierRuns.NONE);

    @Setup(Level.Trial)
    public void writeStack() throws IOException {
        project = TempFolder.create("devstack-jmh-stack-");
        StringBuilder yaml = new StringBuilder("project: bench\nservices:\n");
        for (int i = 0; i < services; i++) {
            yaml.append("  s").append(i).append(": { command: python3 -u listener.py }\n");
        }
        Files.writeString(project.path().resolve(ConfigLoader.PORTS_YAML), yaml);
        config = new ConfigLoader(Map.of()).load(project.path());
        snapshot = new RegistrySnapshot(List.of(), List.of());
        if (registry.equals("sticky")) {
            snapshot = new RegistrySnapshot(List.of(), remembered(config));
        }
    }

    /** The ports a first plan chose, remembered as `up` remembers them. */
    private List<StickyPort> remembered(StackConfig stack) {
        List<StickyPort> sticky = new ArrayList<>();
        try (PortPlan first = planner.plan(stack, "default", snapshot, lease -> true, false)) {
            for (PortAssignment assignment : first.assignments()) {
                sticky.add(new StickyPort(new LeaseOwner(stack.projectDir().toString(), "default",
                        assignment.service(), assignment.portName()), assignment.port(), Instant.now()));
            }
        }
        return sticky;
    }

    @TearDown(Level.Trial)
    public void deleteStack() {
        project.close();
    }

    @Benchmark
    public void plan(Blackhole blackhole) {
        try (PortPlan plan = planner.plan(config, "default", snapshot, lease -> true, hold)) {
            blackhole.consume(plan.assignments());
            blackhole.consume(plan.api());
        }
    }
}
