package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.config.RestartPolicy;
import dev.devstack.supervisor.plan.ServicePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What the configuration says about the service, as far as its life is concerned. */
record LifeRules(String command, Path cwd, boolean oneshot, RestartPolicy restart, Signal stopSignal,
                        Duration stopTimeout, boolean stopCommand, Optional<CheckSpec> ready, Optional<CheckSpec> health,
                        boolean restartOnUnhealthy, boolean exitOnFailure, Optional<Integer> port, Optional<Path> pidfile) {

    static LifeRules of(ServicePlan plan, boolean exitOnAnyFailure) {
        return new LifeRules(plan.command(), plan.spec().cwd(), plan.spec().oneshot(), plan.spec().restart(),
                plan.spec().stop().signal(), plan.spec().stop().timeout(), plan.stopCommand().isPresent(),
                plan.spec().ready(), plan.spec().health(), plan.spec().restartOnUnhealthy(),
                exitOnAnyFailure || plan.spec().exitOnFailure(), plan.ownPorts().stream().findFirst(),
                plan.spec().pidfile());
    }

    /** A service that exits 0 may have left a daemon if it has a port to listen on or a pidfile to write. */
    boolean mayDaemonize() {
        return !oneshot && (port.isPresent() || pidfile.isPresent());
    }
}
