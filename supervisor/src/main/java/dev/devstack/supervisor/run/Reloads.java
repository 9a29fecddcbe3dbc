package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ReloadText;
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
        List<ServiceRuntime> changed = new ArrayList<>();
        for (ServicePlan plan : next.services()) {
            ServiceRuntime runtime = before.get(plan.name());
            if (runtime == null) {
                runtime = stack.runtime(plan);
            } else if (runtime.removed) {
                // removed by an earlier reload and not ended yet: it starts again once it has, as a changed unit does
                runtime.removed = false;
                changed.add(runtime);
            } else if (diff.changed().contains(plan.name())) {
                changed.add(runtime);
            } else {
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
        ReloadOutcome.Applied applied = new ReloadOutcome.Applied(diff.added(), diff.removed(), diff.changed(),
                diff.unchanged());
        stack.notice("", "configuration read again" + by.map(who -> " (asked by " + who + ")").orElse("") + ": "
                + ReloadText.lines(applied).get(0));
        starts.hold();
        try {
            for (ServiceRuntime runtime : removed) {
                lifecycles.apply(runtime, new Input.Reconfigured(Input.Change.REMOVED));
            }
            for (ServiceRuntime runtime : changed) {
                lifecycles.apply(runtime, new Input.Reconfigured(Input.Change.CHANGED));
            }
        } finally {
            starts.release();
        }
        starts.advance();
        return applied;
    }
}
