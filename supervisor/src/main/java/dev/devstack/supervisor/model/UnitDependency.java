package dev.devstack.supervisor.model;

import dev.devstack.supervisor.config.Condition;

/**
 * One edge of a stack's dependency graph between units: {@code unit} waits for {@code dependsOn}
 * (each replica of a service it names) until it is {@code condition}.
 */
public record UnitDependency(String unit, String dependsOn, Condition condition) {

    /** The condition as ports.yaml spells it: started, ready, completed. */
    public String conditionWord() {
        return condition.word();
    }

    /** Whether a dependency in {@code state} is what the unit waits for, as far as its state tells. */
    public boolean metBy(ServiceState state) {
        return switch (condition) {
            case STARTED -> state.isUp() || state == ServiceState.EXITED;
            case READY -> state == ServiceState.READY || state == ServiceState.UNHEALTHY;
            case COMPLETED -> state == ServiceState.EXITED;
        };
    }
}
