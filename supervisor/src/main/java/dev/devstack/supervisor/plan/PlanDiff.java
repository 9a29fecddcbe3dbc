package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.config.Location;
import dev.devstack.supervisor.config.RestartPolicy;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.Template;
import dev.devstack.supervisor.model.PortAssignment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a new plan of a running stack differs from the one it runs, unit by unit: units only in the
 * new plan are {@code added}, units only in the old one {@code removed}; a unit in both is
 * {@code changed} when anything it is started or supervised with differs, else {@code unchanged}.
 *
 * <p>Compared: the command and stop command as they will run (references filled in), the folder,
 * the ports it was given, what it waits for, the restart, stop, ready and health settings, and its
 * environment. Not compared: where in the file anything is written (adding a service above it
 * moves its lines), the {@code scale} of its own service (replicas come and go by themselves), and
 * the variables every unit gets about the other services ({@code S_PORT}, {@code S_URL}, …) of a
 * service it neither depends on nor refers to: every unit has them, so a new service, or one that
 * moved, would otherwise restart the whole stack. A unit that reads such a variable without saying
 * so keeps the old value until it restarts. Pure.
 */
public record PlanDiff(List<String> added, List<String> removed, List<String> changed, List<String> unchanged) {

    public PlanDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
    }

    public static PlanDiff between(StackPlan before, StackPlan after) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (ServicePlan unit : after.services()) {
            Optional<ServicePlan> earlier = before.service(unit.name());
            if (earlier.isEmpty()) {
                added.add(unit.name());
            } else if (Definition.of(before, earlier.get()).equals(Definition.of(after, unit))) {
                unchanged.add(unit.name());
            } else {
                changed.add(unit.name());
            }
        }
        List<String> removed = before.services().stream().map(ServicePlan::name)
                .filter(name -> after.service(name).isEmpty()).toList();
        return new PlanDiff(added, removed, changed, unchanged);
    }

    /** Everything a unit is started and supervised with, without where it was written. */
    private record Definition(String command, Optional<String> stopCommand, Path cwd, Map<String, String> environment,
                              Map<String, Integer> ports, List<Wait> waitsFor, Optional<String> inheritPort,
                              boolean oneshot, RestartPolicy restart, Duration stopTimeout, Signal stopSignal,
                              Optional<CheckSpec> ready, Optional<CheckSpec> health, boolean restartOnUnhealthy,
                              boolean exitOnFailure, Optional<Path> pidfile, boolean tty) {

        private static final Location NOWHERE = Location.file("");

        static Definition of(StackPlan plan, ServicePlan unit) {
            ServiceSpec spec = unit.spec();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (PortAssignment assignment : plan.ports().of(unit.name())) {
                ports.put(assignment.portName(), assignment.port());
            }
            return new Definition(unit.command(), unit.stopCommand(), spec.cwd(), environment(plan, unit), ports,
                    spec.dependsOn().stream().map(d -> new Wait(d.service(), d.condition())).toList(),
                    spec.inheritPort(), spec.oneshot(), spec.restart(), spec.stop().timeout(), spec.stop().signal(),
                    spec.ready().map(Definition::unplaced), spec.health().map(Definition::unplaced),
                    spec.restartOnUnhealthy(), spec.exitOnFailure(), spec.pidfile(), spec.tty());
        }

        /** Its environment without the variables about services it neither depends on nor refers to. */
        private static Map<String, String> environment(StackPlan plan, ServicePlan unit) {
            ServiceSpec spec = unit.spec();
            Set<String> related = related(spec);
            Map<String, String> environment = new LinkedHashMap<>(unit.environment());
            for (ServiceSpec other : plan.config().services()) {
                if (!related.contains(other.name())) {
                    environment.keySet().removeIf(variable -> EnvironmentBuilder.describes(variable, other)
                            && !spec.env().containsKey(variable) && !plan.config().envFile().containsKey(variable));
                }
            }
            return environment;
        }

        /** The services it depends on, inherits its port from, or refers to in its command, stop command or env. */
        private static Set<String> related(ServiceSpec spec) {
            Set<String> related = new HashSet<>();
            spec.dependsOn().forEach(d -> related.add(d.service()));
            spec.inheritPort().ifPresent(related::add);
            List<Template> templates = new ArrayList<>(spec.env().values());
            templates.add(spec.command());
            spec.stop().command().ifPresent(templates::add);
            for (Template template : templates) {
                for (Template.Part part : template.parts()) {
                    if (part instanceof Template.ServiceRef ref) {
                        related.add(ref.service());
                    }
                }
            }
            related.remove(spec.name());
            return related;
        }

        private static CheckSpec unplaced(CheckSpec check) {
            return new CheckSpec(check.kind(), check.target(), check.status(), check.interval(), check.timeout(),
                    check.retries(), NOWHERE);
        }
    }

    /** One entry of `depends_on`, without where it was written. */
    private record Wait(String service, Condition condition) {
    }
}
