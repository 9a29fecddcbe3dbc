package dev.devstack.supervisor.run;

import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.plan.ServicePlan;
import java.time.Duration;

/** One attempt of a readiness or health check; may block for up to its timeout, so it runs off the engine. */
interface Probe {

    /**
     * What one attempt found: whether it passed, in words what it saw ("HTTP 503", "exit 1"), and
     * whether a failure counts against `retries` (an HTTP service that does not answer yet is still
     * starting; one that answers wrongly has failed a check).
     */
    record Result(boolean passed, String finding, boolean counts) {
        Result(boolean passed, String finding) {
            this(passed, finding, true);
        }
    }

    Result attempt();

    /** How the check is named to the user ({@link CheckNames}). */
    String describe();

    /** The probe for a tcp, http or exec check of a service; {@code port} is the one it checks. */
    static Probe of(CheckSpec check, ServicePlan service, int port, Duration attemptTimeout) {
        return switch (check.kind()) {
            case TCP -> new TcpProbe(new ConnectProbe((int) Math.min(attemptTimeout.toMillis(), 1000)), port);
            case HTTP -> new HttpProbe(port, check.target(), check.status(), attemptTimeout);
            case EXEC -> new ExecProbe(check.target(), service.spec().cwd(), service.environment(), attemptTimeout);
            case LOG -> throw new IllegalArgumentException("a log check is not probed; lines are matched as they come");
        };
    }
}
