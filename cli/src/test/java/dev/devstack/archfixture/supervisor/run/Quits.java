package dev.devstack.archfixture.supervisor.run;

import dev.devstack.archfixture.supervisor.plan.Planner;

/** Ends the process below cli; uses the planner, as run may. */
public final class Quits {

    public void stop(Planner planner) {
        if (planner.done()) {
            System.exit(1);
        }
    }
}
