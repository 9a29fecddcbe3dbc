package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.plan.PlanDiff;
import dev.devstack.supervisor.plan.ServicePlan;
import dev.devstack.supervisor.plan.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running stack takes a new plan (its configuration was read again) and applies only the
 * difference ({@link PlanDiff}): added units start once their dependencies allow, removed ones stop
 * and are forgotten once they have ended, changed ones stop and start again with their new plan,
 * and unchanged ones keep their process, taking the new plan for their next run. What each of
 * these means in a unit's phase is its {@link Lifecycle}'s decision. Runs on the engine thread.
 */
final class Reloads {

    private final StackState stack;
    private final EffectExecutor lifecycles;
    private final Starts starts;

    Reloads(StackState stack, EffectExecutor lifecycles, Starts starts) {
        this.stack = stack;
        this.lifecycles = lifecycles;
        this.starts = starts;
    }

    /** {@code by}: who asked, if they said so. */
    ReloadOutcome apply(StackPlan next, Optional<String> by) {
        if (stack.stopRequested) {
            next.ports().close();
            return new ReloadOutcome.Refused("the stack is stopping; nothing more is started or stopped", List.of());
        }
        PlanDiff diff = PlanDiff.between(stack.plan, next);
        Map<String, ServiceRuntime> before = stack.services;
        stack.replan(next);
        Map<String, ServiceRuntime> units = new LinkedHashMap<>();
        for (ServicePlan plan : next.services()) {
            ServiceRuntime runtime = before.get(plan.name());
            if (runtime == null || runtime.removed) {
                runtime = stack.runtime(plan);
            } else if (diff.unchanged().contains(plan.name())) {
                runtime.replan(plan, stack.ports(plan.name()));
            }
            units.put(plan.name(), runtime);
        }
        List<ServiceRuntime> removed = new ArrayList<>();
        before.forEach((name, runtime) -> {
            if (!units.containsKey(name)) {
                runtime.removed = true;
                removed.add(runtime);
                units.put(name, runtime);
            }
        });
        stack.arrange(units);
        stack.notice("", summary(diff, by));
        starts.hold();
        try {
            for (ServiceRuntime runtime : removed) {
                lifecycles.apply(runtime, new Input.Reconfigured(Input.Change.REMOVED));
            }
            for (String name : diff.changed()) {
                lifecycles.apply(units.get(name), new Input.Reconfigured(Input.Change.CHANGED));
            }
        } finally {
            starts.release();
        }
        starts.advance();
        return new ReloadOutcome.Applied(diff.added(), diff.removed(), diff.changed(), diff.unchanged());
    }

    private static String summary(PlanDiff diff, Optional<String> by) {
        List<String> parts = new ArrayList<>();
        if (!diff.added().isEmpty()) {
            parts.add("starting " + String.join(", ", diff.added()));
        }
        if (!diff.removed().isEmpty()) {
            parts.add("stopping " + String.join(", ", diff.removed()));
        }
        if (!diff.changed().isEmpty()) {
            parts.add("restarting " + String.join(", ", diff.changed()));
        }
        parts.add(diff.unchanged().size() + " unchanged");
        String asked = by.map(who -> " (asked by " + who + ")").orElse("");
        return "configuration read again" + asked + ": " + String.join("; ", parts);
    }
}
