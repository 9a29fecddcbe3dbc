package dev.devstack.app;

import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackPhase;
import java.util.Locale;

/**
 * What `devstack wait` (and `up -d`, with {@code READY}) waits for in each service, judged from
 * the stack's snapshot alone (docs/cli.md, devstack wait). The snapshot does not say whether a
 * running service has a readiness check; the stack's phase does, as a whole: it is no longer
 * {@code starting} once no running service waits for its check. So a service without a check
 * counts as ready once it runs and the stack has left {@code starting}. Nor does it say which
 * services are one-shot tasks, which count as ready only once completed: the configuration does.
 */
public enum WaitCondition {
    /** Its readiness check passed (it may have turned unhealthy since); a one-shot task: it completed. */
    READY,
    /** As {@link #READY}, and its health check has not failed {@code retries} times in a row since: state ready. */
    HEALTHY,
    /** It ended on its own with exit 0 (state exited): a one-shot task's completion. */
    COMPLETED;

    /** Where a service stands against a condition. */
    public enum Verdict {
        REACHED,
        WAITING,
        /** It cannot get there without someone starting it again. */
        FAILED
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code oneshot}: the service is a one-shot task (`oneshot: true`). */
    public Verdict judge(ServiceSnapshot service, StackPhase phase, boolean oneshot) {
        return switch (service.state()) {
            case PENDING, STARTING, BACKOFF -> Verdict.WAITING;
            case BLOCKED, CRASHED, FAILED, STOPPING, STOPPED -> Verdict.FAILED;
            case RUNNING -> this == COMPLETED || oneshot ? Verdict.WAITING : running(service, phase);
            case READY -> this == COMPLETED ? Verdict.WAITING : Verdict.REACHED;
            case UNHEALTHY -> switch (this) {
                case READY -> Verdict.REACHED;
                case HEALTHY, COMPLETED -> Verdict.WAITING;
            };
            case EXITED -> this == COMPLETED || service.detail() instanceof ServiceDetail.Completed
                    ? Verdict.REACHED : Verdict.FAILED;
        };
    }

    private static Verdict running(ServiceSnapshot service, StackPhase phase) {
        if (service.detail() instanceof ServiceDetail.NotReady) {
            return Verdict.FAILED;
        }
        return phase == StackPhase.STARTING ? Verdict.WAITING : Verdict.REACHED;
    }
}
