package dev.devstack.supervisor.testing;

import dev.devstack.detect.SocketPortProbe;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.plan.EarlierRuns;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import dev.devstack.supervisor.plan.PortPlan;
import dev.devstack.supervisor.plan.PortPlanner;
import dev.devstack.supervisor.plan.StackPlan;
import dev.devstack.supervisor.run.NuProcessLauncher;
import dev.devstack.supervisor.run.ProcessGroups;
import dev.devstack.supervisor.run.ProcessJournal;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.run.SupervisorSettings;
import java.util.OptionalInt;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real supervisor for a test project, with settings `up` does not expose (large logs). */
public final class TestStack {

    private TestStack() {
    }

    public static Supervisor supervisor(Path projectDir, Path home, SupervisorSettings settings) {
        StackConfig config = new ConfigLoader(System.getenv()).load(projectDir);
        PortPlanner planner = new PortPlanner(new SocketPortProbe(), port -> new PortRefusal.Unseen(), EarlierRuns.NONE);
        PortPlan ports = new MapDbLeaseRegistry(home, Duration.ofSeconds(5), warning -> { }, Clock.systemUTC())
                .read(view -> planner.plan(config, "default", view, lease -> true, true));
        StackPlan plan = new StackPlan(config, "default", ports,
                new EnvironmentBuilder(System.getenv(), OptionalInt.empty()).build(config, "default", ports));
        ProcessJournal unrecorded = new ProcessJournal() {
            @Override
            public void started(String service, long pid) {
            }

            @Override
            public void ended(String service, long pid) {
            }
        };
        return new Supervisor(plan, new NuProcessLauncher(), unrecorded, new ProcessGroups(), Clock.systemUTC(), settings);
    }
}
