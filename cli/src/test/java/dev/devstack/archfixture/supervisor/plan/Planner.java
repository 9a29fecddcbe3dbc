package dev.devstack.archfixture.supervisor.plan;

import dev.devstack.archfixture.supervisor.run.Quits;

/** Uses run from below it, which also closes a cycle with run. */
public final class Planner {

    private Quits quits;

    public boolean done() {
        return quits != null;
    }
}
