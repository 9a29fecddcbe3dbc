package dev.devstack.app.init;

import dev.devstack.supervisor.config.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the dependencies init copied valid for devstack: one on a service init left out (an image
 * with no command) is dropped; waiting for `ready` on a one-shot task becomes waiting for it to
 * complete, and on a service with neither a port nor a check, waiting for it to start; each change
 * is said in a comment on the service.
 */
final class DependencyRepair {

    private DependencyRepair() {
    }

    static List<ServiceDraft> repair(List<ServiceDraft> services) {
        Map<String, ServiceDraft> byName = services.stream()
                .collect(Collectors.toMap(ServiceDraft::name, Function.identity()));
        List<ServiceDraft> repaired = new ArrayList<>();
        for (ServiceDraft service : services) {
            List<DependencyDraft> kept = new ArrayList<>();
            ServiceDraft draft = service;
            for (DependencyDraft dependency : service.dependsOn()) {
                ServiceDraft target = byName.get(dependency.service());
                if (target == null) {
                    draft = draft.withNote("it depended on " + dependency.service() + ", which is not in this file:"
                            + " start that yourself first");
                } else if (dependency.condition().filter(Condition.READY::equals).isPresent() && target.oneshot()) {
                    kept.add(DependencyDraft.of(dependency.service(), Condition.COMPLETED));
                    draft = draft.withNote("waits for " + dependency.service() + " to complete: it is a one-shot task,"
                            + " which is never `ready`");
                } else if (dependency.condition().filter(Condition.READY::equals).isPresent() && target.noPort()
                        && target.ready().isEmpty()) {
                    kept.add(DependencyDraft.of(dependency.service(), Condition.STARTED));
                    draft = draft.withNote("waits for " + dependency.service() + " to start: it has no port or"
                            + " check that could say it is ready");
                } else {
                    kept.add(dependency);
                }
            }
            repaired.add(draft.withDependsOn(kept));
        }
        return repaired;
    }
}
