package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.StopSpec;
import java.util.concurrent.ExecutorService;

/**
 * Stopping a stack: services that have not started will not; a running service is stopped once
 * everything that depends on it has ended, so independent services stop together. Asked again,
 * everything left gets SIGKILL. What a stop means for each service is its {@link Lifecycle}'s
 * decision; this class sends the signals and runs the stop commands.
 */
final class Stops {

    private final StackState stack;
    private final Engine engine;
    private final ProcessGroups groups;
    private final Descendants descendants;
    private final ExecutorService commands;
    private final EffectExecutor lifecycles;

    /** @param commands where stop commands run (they may take up to the stop timeout) */
    Stops(StackState stack, Engine engine, ProcessGroups groups, Descendants descendants, ExecutorService commands,
          EffectExecutor lifecycles) {
        this.stack = stack;
        this.engine = engine;
        this.groups = groups;
        this.descendants = descendants;
        this.commands = commands;
        this.lifecycles = lifecycles;
    }

    void begin() {
        stack.beginStop();
        stack.notice("", "stopping the stack");
        for (ServiceRuntime service : stack.services.values()) {
            lifecycles.apply(service, new Input.StackStopping());
        }
        proceed();
        stack.checkFinished();
    }

    /** Stops every running service whose dependents have all ended; called again as each one ends. */
    void proceed() {
        for (ServiceRuntime service : stack.services.values()) {
            if (service.state().isUp() && stack.graph.dependents(service.name()).stream()
                    .allMatch(name -> stack.services.get(name).state().isTerminal())) {
                lifecycles.apply(service, new Input.Stop());
            }
        }
    }

    void killRemaining() {
        stack.notice("", "stopping again: killing what is left with SIGKILL");
        for (ServiceRuntime service : stack.services.values()) {
            lifecycles.apply(service, new Input.KillAll());
        }
    }

    /** Its stop command, on the command pool; if it fails, the service's lifecycle is told. */
    void runStopCommand(ServiceRuntime service) {
        StopSpec stop = service.plan.spec().stop();
        int run = service.run;
        Probe probe = new ExecProbe(service.plan.stopCommand().orElseThrow(), service.plan.spec().cwd(),
                service.plan.environment(), stop.timeout());
        commands.execute(() -> {
            Probe.Result result = probe.attempt();
            if (!result.passed()) {
                engine.run(() -> {
                    if (service.run == run) {
                        lifecycles.apply(service, new Input.StopCommandFailed(result.finding()));
                    }
                });
            }
        });
    }

    /**
     * To its group and whatever else it started; an adopted process alone, since its group may hold
     * processes devstack knows nothing of.
     */
    void signal(ServiceRuntime service, Signal signal) {
        if (service.life.adopted()) {
            groups.signalProcess(service.pid, signal);
        } else {
            descendants.signal(service, signal);
        }
    }
}
