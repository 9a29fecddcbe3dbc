package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import java.util.Optional;

/**
 * Recognises an earlier run of a service still holding its port (a dev server left behind), and
 * ends it for {@code on_conflict: kill-own}.
 */
public interface EarlierRuns {

    /** Recognises nothing: for planners that must never end a process. */
    EarlierRuns NONE = new EarlierRuns() {
        @Override
        public Optional<EarlierRun> find(int port, StackConfig config, String instance, ServiceSpec service) {
            return Optional.empty();
        }

        @Override
        public boolean end(EarlierRun run) {
            return false;
        }
    };

    /** The process listening on {@code port}, if it is an earlier run of {@code service} of this project by this user. */
    Optional<EarlierRun> find(int port, StackConfig config, String instance, ServiceSpec service);

    /** Ends it and its process group; true once it has ended. */
    boolean end(EarlierRun run);

    /**
     * @param description "pid 88 (node dev.js, user dev)"
     * @param evidence    why it is taken for an earlier run: "started by devstack for `web` of this
     *                    project" or "the same command in the same folder"
     */
    record EarlierRun(int port, long pid, long startMillis, String description, String evidence) {
    }
}
