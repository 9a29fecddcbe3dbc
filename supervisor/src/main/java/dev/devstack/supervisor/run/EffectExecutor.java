package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.StackOutcome;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Feeds an input to a service's {@link Lifecycle} and carries out the effects it returns, in order.
 * It decides nothing: each effect is one call to the part that talks to processes, timers or the
 * views. On the engine thread only.
 */
final class EffectExecutor {

    /** How much of a failed one-shot task's output is repeated with its failure. */
    private static final int LAST_LINES_OF_A_FAILED_TASK = 5;

    private final StackState stack;
    private final Engine engine;
    private final Descendants descendants;
    private Starts starts;
    private Stops stops;
    private Controls controls;
    private Readiness readiness;
    private Health health;

    EffectExecutor(StackState stack, Engine engine, Descendants descendants) {
        this.stack = stack;
        this.engine = engine;
        this.descendants = descendants;
    }

    /** The parts that carry out effects and feed inputs back: they need this executor, and it needs them. */
    void connect(Starts starts, Stops stops, Controls controls, Readiness readiness, Health health) {
        this.starts = starts;
        this.stops = stops;
        this.controls = controls;
        this.readiness = readiness;
        this.health = health;
    }

    void apply(ServiceRuntime service, Input input) {
        Lifecycle.Transition transition = service.lifecycle.next(service.life, input, stack.clock.instant());
        service.life = transition.life();
        for (Effect effect : transition.effects()) {
            execute(service, effect);
        }
        if (service.removed && service.state().isTerminal() && stack.services.get(service.name()) == service) {
            stack.forget(service);
            stack.checkFinished();
        }
    }

    private void execute(ServiceRuntime service, Effect effect) {
        if (effect instanceof Effect.Publish publish) {
            stack.changed(service, publish.state(), publish.detail());
        } else if (effect instanceof Effect.Explain explain) {
            String notice = DetailText.of(explain.detail());
            stack.explained(service, explain.detail() instanceof ServiceDetail.NotReady
                    ? notice + "; services that wait for it will not start" : notice);
        } else if (effect instanceof Effect.Launch) {
            starts.launch(service);
        } else if (effect instanceof Effect.Replan) {
            stack.plan.service(service.name()).ifPresent(plan -> service.replan(plan, stack.ports(service.name())));
        } else if (effect instanceof Effect.ReleasePorts) {
            stack.plan.ports().release(service.name());
        } else if (effect instanceof Effect.CancelTimers) {
            service.cancelTimers();
        } else if (effect instanceof Effect.Schedule schedule) {
            schedule(service, schedule);
        } else if (effect instanceof Effect.SignalGroup signal) {
            stops.signal(service, signal.signal());
        } else if (effect instanceof Effect.RunStopCommand) {
            stops.runStopCommand(service);
        } else if (effect instanceof Effect.Track) {
            descendants.watch(service);
        } else if (effect instanceof Effect.EndRemaining) {
            descendants.endRemaining(service);
        } else if (effect instanceof Effect.LookForDaemon) {
            starts.lookForDaemon(service);
        } else if (effect instanceof Effect.WatchReadiness) {
            readiness.watch(service);
        } else if (effect instanceof Effect.WatchHealth watch) {
            health.watch(service, watch.inARow());
        } else if (effect instanceof Effect.TellAdoptedEnded) {
            stack.notice(service.name(), "the adopted process (pid " + service.pid + ") has ended; its exit code is"
                    + " not known to devstack");
        } else if (effect instanceof Effect.TellLastLines) {
            List<String> last = service.recent.last(LAST_LINES_OF_A_FAILED_TASK);
            stack.notice(service.name(), last.isEmpty() ? "it printed nothing"
                    : "its last " + (last.size() == 1 ? "line" : last.size() + " lines") + ":");
            last.forEach(line -> stack.notice(service.name(), "  " + line));
        } else if (effect instanceof Effect.TellStopCommandFailed failed) {
            stack.notice(service.name(), "stop_command failed (" + failed.finding() + "); " + failed.signal()
                    + " sent");
        } else if (effect instanceof Effect.Refuse refuse) {
            stack.notice(service.name(), switch (refuse.refusal()) {
                case ALREADY -> "is " + refuse.state().word() + " already";
                case NOT_NOW -> "is " + refuse.state().word() + "; try again in a moment";
                case NO_PROCESS -> "has no process to kill (it is " + refuse.state().word() + ")";
            });
        } else if (effect instanceof Effect.FailStack fail) {
            stack.failure = new StackOutcome.Failure(service.name(), fail.ended());
            stack.notice(service.name(), "failed, and exit_on_failure is set: stopping the stack");
            stops.begin();
        } else if (effect instanceof Effect.RequeueBlocked) {
            controls.requeueBlocked(service);
        } else if (effect instanceof Effect.Advance) {
            starts.advance();
        } else if (effect instanceof Effect.Proceed) {
            stops.proceed();
            stack.checkFinished();
        }
    }

    /** A timer of the run it was set for; firing later, for another run, it is ignored. */
    private void schedule(ServiceRuntime service, Effect.Schedule schedule) {
        int run = service.run;
        Input.Timer timer = schedule.timer();
        ScheduledFuture<?> future = engine.schedule(() -> {
            if (service.run == run) {
                apply(service, new Input.TimerFired(timer));
            }
        }, schedule.delay());
        if (timer == Input.Timer.BACKOFF_OVER) {
            service.restartTimer = future;
        } else {
            service.killTimer = future;
        }
    }
}
