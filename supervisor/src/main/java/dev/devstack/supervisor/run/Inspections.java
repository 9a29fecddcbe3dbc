package dev.devstack.supervisor.run;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.detect.ProcessTable;
import dev.devstack.supervisor.config.RestartPolicy;
import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.EnvironmentEntry;
import dev.devstack.supervisor.model.GroupProcess;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.RestartRecord;
import dev.devstack.supervisor.model.RestartSettings;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.plan.ServicePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code inspect} tells of a unit, in two steps: {@link #see} takes what the engine knows (on
 * the engine thread, without touching /proc), {@link Sight#inspection} then reads the command lines
 * of its processes off that thread. Secrets are masked here ({@link Secrets}), before anything leaves the stack:
 * in the environment, the command, the checks and the processes' command lines.
 */
final class Inspections {

    /** Restarts kept per unit for `inspect`; older ones are in its log. */
    static final int RESTARTS_KEPT = 20;

    private final Path logDir;
    private final ProcessTable processes;

    Inspections(Path logDir, ProcessTable processes) {
        this.logDir = logDir;
        this.processes = processes;
    }

    /** What the engine knows of the unit; its processes are pids only. */
    record Sight(ServiceInspection known, long leader, Set<Long> pids, Secrets secrets) {

        /**
         * The unit's processes now: its group's members and the ones that left it, with their
         * command lines; not devstack's lifeline watcher, which is in the group but not the service.
         */
        ServiceInspection inspection(ProcessTable table) {
            Map<Long, GroupProcess> found = new LinkedHashMap<>();
            Set<Long> wanted = new LinkedHashSet<>(pids);
            if (leader > 0) {
                table.groupMembers(leader).forEach(member -> wanted.add(member.pid()));
            }
            for (long pid : wanted) {
                if (ShellCommand.isLifeline(pid)) {
                    continue;
                }
                table.find(pid).map(ProcessInfo::commandLine)
                        .ifPresent(line -> found.put(pid, new GroupProcess(pid, secrets.mask(line))));
            }
            ServiceInspection k = known;
            return new ServiceInspection(k.service(), k.command(), k.folder(), k.environment(), k.ports(), k.checks(),
                    k.restart(), k.restarts(), k.logFile(), List.copyOf(found.values()));
        }
    }

    Sight see(ServiceRuntime unit, List<PortAssignment> ports) {
        ServicePlan plan = unit.plan;
        Secrets secrets = Secrets.of(plan.environment());
        List<EnvironmentEntry> environment = plan.environment().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(variable -> secrets.entry(variable.getKey(), variable.getValue())).toList();
        int port = unit.readinessPort().orElse(0);
        List<CheckStatus> checks = new ArrayList<>();
        plan.spec().ready().ifPresent(check -> checks.add(new CheckStatus(CheckStatus.Role.READINESS,
                secrets.mask(CheckNames.of(check, port)), Optional.ofNullable(unit.lastReadiness).map(secrets::mask))));
        plan.spec().health().ifPresent(check -> checks.add(new CheckStatus(CheckStatus.Role.HEALTH,
                secrets.mask(CheckNames.of(check, port)), Optional.ofNullable(unit.lastHealth).map(secrets::mask))));
        RestartPolicy policy = plan.spec().restart();
        ServiceInspection known = new ServiceInspection(unit.name(), secrets.mask(plan.command()), plan.spec().cwd(), environment,
                ports, checks, new RestartSettings(policy.mode().word(), policy.backoff(), policy.maxRestarts()),
                unit.restartHistory, RotatingFile.path(logDir, unit.name()), List.of());
        Set<Long> pids = new LinkedHashSet<>();
        if (unit.pid > 0 && unit.state().isAlive()) {
            pids.add(unit.pid);
        }
        unit.tracked.forEach(process -> pids.add(process.pid()));
        return new Sight(known, unit.state().isAlive() ? unit.leader : 0, pids, secrets);
    }

    ServiceInspection complete(Sight sight) {
        return sight.inspection(processes);
    }

    /** The unit's restarts with {@code record} added, the oldest dropped past {@link #RESTARTS_KEPT}. */
    static List<RestartRecord> withRestart(List<RestartRecord> restarts, RestartRecord record) {
        List<RestartRecord> kept = new ArrayList<>(restarts);
        kept.add(record);
        return List.copyOf(kept.subList(Math.max(0, kept.size() - RESTARTS_KEPT), kept.size()));
    }
}
