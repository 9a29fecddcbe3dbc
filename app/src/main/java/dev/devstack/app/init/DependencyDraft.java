package dev.devstack.app.init;

import dev.devstack.supervisor.config.Condition;
import java.util.Optional;

/** One `depends_on` entry; without a condition, devstack's default (completed, ready or started) applies. */
public record DependencyDraft(String service, Optional<Condition> condition) {

    public static DependencyDraft of(String service) {
        return new DependencyDraft(service, Optional.empty());
    }

    public static DependencyDraft of(String service, Condition condition) {
        return new DependencyDraft(service, Optional.of(condition));
    }

    DependencyDraft renamed(String name) {
        return new DependencyDraft(name, condition);
    }
}
