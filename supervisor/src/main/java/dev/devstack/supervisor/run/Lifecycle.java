package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.model.StopMeans;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One service's life as a state machine: {@link #next} takes where it is ({@link Life}) and what
 * happened ({@link Input}) and returns where it is now and what is to be done ({@link Effect}).
 * Pure: no processes, no clock but {@code now}; the {@link EffectExecutor} does the effects. Every
 * decision about what a start, an exit, a stop or a request means is made here and nowhere else.
 */
final class Lifecycle {

    /** How long a SIGKILLed service may take to report its end before devstack stops waiting. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);

    /** The service's life after an input, and what to do, in order. */
    record Transition(Life life, List<Effect> effects) {
        Transition {
            effects = List.copyOf(effects);
        }
    }

    private final LifeRules rules;

    Lifecycle(LifeRules rules) {
        this.rules = rules;
    }

    Transition next(Life life, Input input, Instant now) {
        LifeDraft d = new LifeDraft(life, now);
        if (input instanceof Input.Launched launched) {
            launched(d, launched.how());
        } else if (input instanceof Input.Blocked blocked) {
            if (d.phase instanceof Phase.Pending) {
                d.effects.add(new Effect.ReleasePorts());
                d.enter(new Phase.Blocked(blocked.why()));
            }
        } else if (input instanceof Input.Started started) {
            started(d, started.pid());
        } else if (input instanceof Input.Exited exited) {
            exited(d, exited.status());
        } else if (input instanceof Input.DaemonTookOver daemon) {
            daemonTookOver(d, daemon.pid());
        } else if (input instanceof Input.AwaitingDaemon awaiting) {
            if (isUp(d.phase)) {
                d.explain(new ServiceDetail.AwaitingDaemon(awaiting.command(), awaiting.waitUpTo(), rules.port(),
                        rules.pidfile()));
            }
        } else if (input instanceof Input.NoDaemon) {
            if (isUp(d.phase)) {
                ended(d, new ExitStatus.Code(0));
            }
        } else if (input instanceof Input.LineMatched) {
            lineMatched(d);
        } else if (input instanceof Input.ReadinessFound found) {
            readinessFound(d, found.finding());
        } else if (input instanceof Input.HealthChecked checked) {
            healthChecked(d, checked);
        } else if (input instanceof Input.StackStopping) {
            stackStopping(d);
        } else if (input instanceof Input.Stop) {
            stop(d);
        } else if (input instanceof Input.KillAll) {
            killAll(d);
        } else if (input instanceof Input.Unblocked unblocked) {
            if (d.phase instanceof Phase.Blocked) {
                d.enter(new Phase.Pending(new ServiceDetail.WaitsAgain(unblocked.by())));
            }
        } else if (input instanceof Input.Asked asked) {
            asked(d, asked.action(), new StopCause.Asked(asked.by()));
        } else if (input instanceof Input.TimerFired fired) {
            timerFired(d, fired.timer());
        } else if (input instanceof Input.StopCommandFailed failed) {
            stopCommandFailed(d, failed.finding());
        } else if (input instanceof Input.Reconfigured reconfigured) {
            reconfigured(d, reconfigured.change());
        } else if (input instanceof Input.FilesChanged) {
            filesChanged(d);
        }
        return d.done();
    }

    /**
     * Its files changed: it restarts if it runs, and runs again if it ended on its own (a crash that
     * an edit fixes, a one-shot task). One a user or the stack stopped stays stopped; one that has
     * not started (or is starting, or stopping) starts with the files as they are. Either way it
     * starts again as pending, once what it depends on allows.
     */
    private void filesChanged(LifeDraft d) {
        Phase phase = d.phase;
        if (d.stackStopping) {
            return;
        }
        boolean endedOnItsOwn = phase instanceof Phase.Backoff || phase instanceof Phase.Exited
                || phase instanceof Phase.Crashed || phase instanceof Phase.Failed;
        if (!isUp(phase) && !endedOnItsOwn) {
            return;
        }
        // what depends on it and waits (restarted by the same change with watch_cascade) waits for the new run
        d.started = false;
        d.completed = false;
        if (isUp(phase)) {
            d.streak = 0;
            d.readiness = Life.Readiness.WAITING;
            terminate(d, new StopCause.Restart(RestartReason.WATCH));
        } else {
            startAgain(d, new ServiceDetail.FilesChanged());
        }
    }

    private void launched(LifeDraft d, ServiceDetail how) {
        if (d.phase instanceof Phase.Pending || d.phase instanceof Phase.Backoff) {
            d.readiness = Life.Readiness.WAITING;
            d.adopted = how instanceof ServiceDetail.Adopting;
            d.exitCode = OptionalInt.empty();
            d.enter(new Phase.Starting(how, Optional.empty(), false, false));
        }
    }

    private void started(LifeDraft d, long pid) {
        if (!(d.phase instanceof Phase.Starting starting)) {
            return;
        }
        d.started = true;
        d.enter(new Phase.Running(pid, d.now, new ServiceDetail.Started(pid)));
        if (starting.kill()) {
            kill(d, new StopCause.Shutdown());
        } else if (starting.stop().isPresent()) {
            terminate(d, starting.stop().get());
        } else {
            if (!rules.oneshot()) {
                if (rules.ready().isEmpty()) {
                    watchHealth(d, 0);
                } else if (rules.ready().get().kind() == CheckSpec.Kind.LOG && starting.lineMatched()) {
                    becomeReady(d, new ReadinessFinding.LineMatched(rules.ready().get().target()));
                } else {
                    d.effects.add(new Effect.WatchReadiness());
                }
            }
            d.effects.add(new Effect.Advance());
        }
    }

    private void exited(LifeDraft d, ExitStatus status) {
        if (!(d.phase instanceof Phase.Starting || isUp(d.phase) || d.phase instanceof Phase.Stopping)) {
            return;
        }
        if (status.equals(new ExitStatus.Code(0)) && isUp(d.phase) && rules.mayDaemonize() && !d.adopted
                && !d.stackStopping) {
            d.effects.add(new Effect.LookForDaemon());
            return;
        }
        ended(d, status);
    }

    /** The run has ended: stopped as asked (and maybe started again), or on its own. */
    private void ended(LifeDraft d, ExitStatus status) {
        d.effects.add(new Effect.CancelTimers());
        if (!d.adopted) {
            d.effects.add(new Effect.EndRemaining());
        }
        Optional<Signal> sent = d.phase instanceof Phase.Stopping stopping ? stopping.sent() : Optional.empty();
        int code = 1;
        if (status instanceof ExitStatus.Code exit) {
            code = exit.code();
        } else if (status instanceof ExitStatus.Unknown) {
            d.effects.add(new Effect.TellAdoptedEnded());
            code = sent.map(Signal::number).orElse(0);
        }
        if (stoppedFor(d.phase).filter(StopCause.Reconfigured.class::isInstance).isPresent() && !d.stackStopping) {
            if (!(status instanceof ExitStatus.NeverStarted)) {
                d.exitCode = OptionalInt.of(code);
            }
            startReconfigured(d);
            return;
        }
        if (status instanceof ExitStatus.NeverStarted) {
            d.enter(new Phase.Failed(new ServiceDetail.LaunchFailed(rules.command(), rules.cwd())));
            fail(d);
        } else if (d.phase instanceof Phase.Starting starting && starting.stop().isPresent() && !d.stackStopping) {
            d.exitCode = OptionalInt.of(code);
            d.enter(new Phase.Stopped(new ServiceDetail.Ended(new ExitDescription.Natural(code))));
        } else if (d.phase instanceof Phase.Stopping stopping) {
            d.exitCode = OptionalInt.of(code);
            ExitDescription exit = ExitDescription.stopped(stopping.means(), stopping.cause(), sent.orElse(null), code);
            if (stopping.cause() instanceof StopCause.Restart restart && !d.stackStopping) {
                d.restarts++;
                if (restart.reason() == RestartReason.WATCH) {
                    // pending, as after a reload: what it depends on, restarted by the same change, comes first
                    d.enter(new Phase.Pending(new ServiceDetail.FilesChanged()));
                    d.effects.add(new Effect.RequeueBlocked());
                } else {
                    d.enter(new Phase.Backoff(new ServiceDetail.RestartingNow(exit, d.restarts, restart.reason())));
                    d.effects.add(new Effect.Launch());
                }
            } else {
                d.enter(new Phase.Stopped(new ServiceDetail.Ended(exit)));
            }
        } else {
            d.exitCode = OptionalInt.of(code);
            endedOnItsOwn(d, code);
        }
        d.effects.add(d.stackStopping ? new Effect.Proceed() : new Effect.Advance());
    }

    /** Restart it, give up on it, or leave it ended, as its policy says. */
    private void endedOnItsOwn(LifeDraft d, int code) {
        ExitDescription exit = new ExitDescription.Natural(code);
        Duration uptime = since(d.phase).map(since -> Duration.between(since, d.now)).orElse(Duration.ZERO);
        Restarts.Decision decision = d.stackStopping ? new Restarts.Stay()
                : Restarts.decide(rules.restart(), code, uptime, d.streak);
        if (decision instanceof Restarts.Restart restart) {
            d.streak = restart.streak();
            d.restarts++;
            d.enter(new Phase.Backoff(new ServiceDetail.RestartScheduled(exit, d.restarts, restart.delay())));
            d.effects.add(new Effect.Schedule(Input.Timer.BACKOFF_OVER, restart.delay()));
        } else if (decision instanceof Restarts.GiveUp giveUp) {
            d.enter(new Phase.Failed(new ServiceDetail.GaveUp(exit, giveUp.restarts())));
            fail(d);
        } else if (code == 0) {
            d.completed = rules.oneshot();
            d.enter(new Phase.Exited(d.completed ? new ServiceDetail.Completed() : new ServiceDetail.Ended(exit)));
        } else {
            d.enter(new Phase.Crashed(new ServiceDetail.Ended(exit)));
            if (rules.oneshot()) {
                d.effects.add(new Effect.TellLastLines());
            }
            fail(d);
        }
    }

    /** With `exit_on_failure` (its own, or for all), a failure ends the stack, saying how the service ended. */
    private void fail(LifeDraft d) {
        if (!d.stackStopping && rules.exitOnFailure()) {
            d.effects.add(new Effect.FailStack(d.phase.detail()));
        }
    }

    private void daemonTookOver(LifeDraft d, long pid) {
        Optional<Instant> since = since(d.phase);
        if (!isUp(d.phase) || since.isEmpty()) {
            return;
        }
        ServiceDetail detail = new ServiceDetail.DaemonTookOver(pid);
        if (d.phase instanceof Phase.Running) {
            d.enter(new Phase.Running(pid, since.get(), detail));
        } else if (d.phase instanceof Phase.Ready) {
            d.enter(new Phase.Ready(pid, since.get(), detail));
        } else {
            d.enter(new Phase.Unhealthy(pid, since.get(), detail));
        }
    }

    private void lineMatched(LifeDraft d) {
        if (d.phase instanceof Phase.Starting starting) {
            d.phase = new Phase.Starting(starting.detail(), starting.stop(), starting.kill(), true);
        } else if (d.phase instanceof Phase.Running && rules.ready().isPresent()) {
            becomeReady(d, new ReadinessFinding.LineMatched(rules.ready().get().target()));
        }
    }

    private void readinessFound(LifeDraft d, ReadinessFinding finding) {
        if (!(d.phase instanceof Phase.Running)) {
            return;
        }
        if (finding instanceof ReadinessFinding.LineMatched || finding instanceof ReadinessFinding.PortAccepts
                || finding instanceof ReadinessFinding.CheckPassed) {
            becomeReady(d, finding);
        } else {
            d.readiness = Life.Readiness.GAVE_UP;
            d.explain(new ServiceDetail.NotReady(finding));
            d.effects.add(new Effect.Advance());
        }
    }

    private void becomeReady(LifeDraft d, ReadinessFinding finding) {
        Phase.Running running = (Phase.Running) d.phase;
        d.readiness = Life.Readiness.PASSED;
        d.enter(new Phase.Ready(running.pid(), running.since(), new ServiceDetail.Ready(finding,
                Duration.between(running.since(), d.now))));
        watchHealth(d, 0);
        d.effects.add(new Effect.Advance());
    }

    private void watchHealth(LifeDraft d, int inARow) {
        if (rules.health().isPresent()) {
            d.effects.add(new Effect.WatchHealth(inARow));
        }
    }

    private void healthChecked(LifeDraft d, Input.HealthChecked checked) {
        boolean watched = d.phase instanceof Phase.Ready || d.phase instanceof Phase.Unhealthy
                || (d.phase instanceof Phase.Running && rules.ready().isEmpty());
        if (!watched) {
            return;
        }
        long pid = pid(d.phase);
        Instant since = since(d.phase).orElseThrow();
        if (checked.passed()) {
            if (d.phase instanceof Phase.Unhealthy) {
                d.enter(new Phase.Ready(pid, since, new ServiceDetail.HealthyAgain(checked.check(), checked.result())));
            }
            watchHealth(d, 0);
            return;
        }
        int allowed = rules.health().map(check -> check.retries().orElse(CheckSpec.HEALTH_RETRIES))
                .orElse(CheckSpec.HEALTH_RETRIES);
        if (checked.inARow() >= allowed && !(d.phase instanceof Phase.Unhealthy)) {
            d.enter(new Phase.Unhealthy(pid, since, new ServiceDetail.Unhealthy(checked.inARow(), checked.check(),
                    checked.result())));
            if (rules.restartOnUnhealthy()) {
                if (!d.stackStopping) {
                    terminate(d, new StopCause.Restart(RestartReason.UNHEALTHY));
                }
                return;
            }
        }
        watchHealth(d, checked.inARow());
    }

    private void stackStopping(LifeDraft d) {
        d.stackStopping = true;
        if (d.phase instanceof Phase.Pending) {
            d.effects.add(new Effect.ReleasePorts());
            d.enter(new Phase.Stopped(new ServiceDetail.NotStarted(new StopCause.Shutdown())));
        } else if (d.phase instanceof Phase.Backoff) {
            d.effects.add(new Effect.CancelTimers());
            d.enter(new Phase.Stopped(new ServiceDetail.NotRestarted(new StopCause.Shutdown())));
        } else if (d.phase instanceof Phase.Starting starting && starting.stop().isEmpty()) {
            d.phase = new Phase.Starting(starting.detail(), Optional.of(new StopCause.Shutdown()), starting.kill(),
                    starting.lineMatched());
        }
    }

    /** The stack stops it, now that its dependents have ended: an adopted process is left running, as it was found. */
    private void stop(LifeDraft d) {
        if (!isUp(d.phase) || !d.stackStopping) {
            return;
        }
        if (d.adopted) {
            d.effects.add(new Effect.CancelTimers());
            d.enter(new Phase.Stopped(new ServiceDetail.LeftRunning(pid(d.phase))));
        } else {
            terminate(d, new StopCause.Shutdown());
        }
    }

    private void killAll(LifeDraft d) {
        if (d.phase instanceof Phase.Starting starting) {
            d.phase = new Phase.Starting(starting.detail(), starting.stop(), true, starting.lineMatched());
        } else if ((isUp(d.phase) || d.phase instanceof Phase.Stopping) && !d.adopted) {
            kill(d, new StopCause.Shutdown());
        }
    }

    private void asked(LifeDraft d, Input.Action action, StopCause cause) {
        Phase phase = d.phase;
        boolean ended = phase.state().isTerminal() || phase instanceof Phase.Backoff;
        switch (action) {
            case START -> {
                if (ended) {
                    startAgain(d, new ServiceDetail.AskedToStart());
                } else {
                    d.effects.add(new Effect.Refuse(Effect.Refusal.ALREADY, phase.state()));
                }
            }
            case STOP -> {
                if (isUp(phase)) {
                    terminate(d, cause);
                } else if (phase instanceof Phase.Starting starting) {
                    if (starting.stop().isEmpty()) {
                        d.phase = new Phase.Starting(starting.detail(), Optional.of(cause), starting.kill(),
                                starting.lineMatched());
                    }
                } else if (phase instanceof Phase.Pending || phase instanceof Phase.Backoff) {
                    d.effects.add(new Effect.CancelTimers());
                    d.effects.add(new Effect.ReleasePorts());
                    d.enter(new Phase.Stopped(new ServiceDetail.NotStarted(cause)));
                    d.effects.add(new Effect.Advance());
                } else {
                    d.effects.add(new Effect.Refuse(Effect.Refusal.ALREADY, phase.state()));
                }
            }
            case RESTART -> {
                if (isUp(phase)) {
                    d.streak = 0;
                    if (!d.stackStopping) {
                        terminate(d, new StopCause.Restart(RestartReason.ASKED));
                    }
                } else if (ended) {
                    startAgain(d, new ServiceDetail.AskedToRestart());
                } else {
                    d.effects.add(new Effect.Refuse(Effect.Refusal.NOT_NOW, phase.state()));
                }
            }
            case KILL -> {
                if (isUp(phase) || phase instanceof Phase.Stopping) {
                    kill(d, cause);
                } else {
                    d.effects.add(new Effect.Refuse(Effect.Refusal.NO_PROCESS, phase.state()));
                }
            }
        }
    }

    /** Back to waiting, with a fresh restart streak; what it blocked waits again too. */
    private void startAgain(LifeDraft d, ServiceDetail why) {
        d.effects.add(new Effect.CancelTimers());
        d.streak = 0;
        d.readiness = Life.Readiness.WAITING;
        d.enter(new Phase.Pending(why));
        d.effects.add(new Effect.RequeueBlocked());
        d.effects.add(new Effect.Advance());
    }

    private void timerFired(LifeDraft d, Input.Timer timer) {
        switch (timer) {
            case STOP_TIMEOUT -> {
                if (d.phase instanceof Phase.Stopping stopping) {
                    d.phase = new Phase.Stopping(stopping.means(), Optional.of(Signal.KILL), stopping.cause(),
                            stopping.detail());
                    d.explain(new ServiceDetail.KillAfterTimeout(rules.stopTimeout(), stopping.means()));
                    d.effects.add(new Effect.SignalGroup(Signal.KILL));
                    d.effects.add(new Effect.Schedule(Input.Timer.AFTER_KILL, AFTER_KILL));
                }
            }
            case AFTER_KILL -> {
                if (d.phase instanceof Phase.Stopping stopping) {
                    if (stopping.cause() instanceof StopCause.Reconfigured) {
                        d.effects.add(new Effect.Replan());
                    }
                    d.enter(new Phase.Stopped(new ServiceDetail.PipesHeldOpen()));
                    d.effects.add(d.stackStopping ? new Effect.Proceed() : new Effect.Advance());
                }
            }
            case BACKOFF_OVER -> {
                if (d.phase instanceof Phase.Backoff && !d.stackStopping) {
                    d.effects.add(new Effect.Launch());
                }
            }
        }
    }

    /**
     * A reload removed it (it stops for good; the stack forgets it once it has ended) or changed it
     * (it stops, then waits to start with its new plan). Either way what depends on it waits for
     * a new run, as it does for a first one. An adopted process is stopped too: the new
     * configuration is not what it was started with.
     */
    private void reconfigured(LifeDraft d, Input.Change change) {
        if (d.stackStopping) {
            return;
        }
        StopCause cause = change == Input.Change.REMOVED ? new StopCause.Removed() : new StopCause.Reconfigured();
        d.started = false;
        d.completed = false;
        d.readiness = Life.Readiness.WAITING;
        Phase phase = d.phase;
        if (isUp(phase)) {
            terminate(d, cause);
        } else if (phase instanceof Phase.Starting starting) {
            d.phase = new Phase.Starting(starting.detail(), Optional.of(cause), starting.kill(), starting.lineMatched());
        } else if (phase instanceof Phase.Stopping stopping) {
            d.phase = new Phase.Stopping(stopping.means(), stopping.sent(), cause, stopping.detail());
        } else if (change == Input.Change.CHANGED) {
            d.effects.add(new Effect.CancelTimers());
            startReconfigured(d);
        } else if (!phase.state().isTerminal()) {
            d.effects.add(new Effect.CancelTimers());
            d.effects.add(new Effect.ReleasePorts());
            d.enter(new Phase.Stopped(new ServiceDetail.NotStarted(cause)));
        }
    }

    /** Back to waiting, with its new plan and a fresh restart streak; what it blocked waits again too. */
    private void startReconfigured(LifeDraft d) {
        d.streak = 0;
        d.effects.add(new Effect.Replan());
        d.enter(new Phase.Pending(new ServiceDetail.Reconfigured()));
        d.effects.add(new Effect.RequeueBlocked());
        d.effects.add(new Effect.Advance());
    }

    /** What it is being stopped for, if it is: stopping, or asked to stop once it has started. */
    private static Optional<StopCause> stoppedFor(Phase phase) {
        if (phase instanceof Phase.Stopping stopping) {
            return Optional.of(stopping.cause());
        }
        return phase instanceof Phase.Starting starting ? starting.stop() : Optional.empty();
    }

    private void stopCommandFailed(LifeDraft d, String finding) {
        if (d.phase instanceof Phase.Stopping stopping && stopping.sent().isEmpty()) {
            d.phase = new Phase.Stopping(stopping.means(), Optional.of(rules.stopSignal()), stopping.cause(),
                    stopping.detail());
            d.effects.add(new Effect.TellStopCommandFailed(finding, rules.stopSignal()));
            d.effects.add(new Effect.SignalGroup(rules.stopSignal()));
        }
    }

    /**
     * Its stop command, or else its stop signal to its group, now; SIGKILL after its stop timeout
     * (a stop command that fails is followed by the stop signal).
     */
    private void terminate(LifeDraft d, StopCause cause) {
        d.effects.add(new Effect.CancelTimers());
        Optional<Duration> killAfter = Optional.of(rules.stopTimeout());
        if (rules.stopCommand()) {
            StopMeans means = new StopMeans.StopCommand();
            d.enter(new Phase.Stopping(means, Optional.empty(), cause, new ServiceDetail.Stopping(means, killAfter,
                    cause)));
            d.effects.add(new Effect.RunStopCommand());
        } else {
            StopMeans means = new StopMeans.SignalSent(rules.stopSignal());
            d.enter(new Phase.Stopping(means, Optional.of(rules.stopSignal()), cause,
                    new ServiceDetail.Stopping(means, killAfter, cause)));
            d.effects.add(new Effect.SignalGroup(rules.stopSignal()));
        }
        d.effects.add(new Effect.Track());
        d.effects.add(new Effect.Schedule(Input.Timer.STOP_TIMEOUT, rules.stopTimeout()));
    }

    /** SIGKILL now, for {@code cause}; a service already stopping keeps what it was stopped for. */
    private void kill(LifeDraft d, StopCause cause) {
        d.effects.add(new Effect.CancelTimers());
        if (d.phase instanceof Phase.Stopping stopping) {
            d.phase = new Phase.Stopping(stopping.means(), Optional.of(Signal.KILL), stopping.cause(),
                    stopping.detail());
        } else {
            StopMeans means = new StopMeans.SignalSent(Signal.KILL);
            d.enter(new Phase.Stopping(means, Optional.of(Signal.KILL), cause,
                    new ServiceDetail.Stopping(means, Optional.empty(), cause)));
            d.effects.add(new Effect.Track());
        }
        d.effects.add(new Effect.SignalGroup(Signal.KILL));
        d.effects.add(new Effect.Schedule(Input.Timer.AFTER_KILL, AFTER_KILL));
    }

    private static boolean isUp(Phase phase) {
        return phase.state().isUp();
    }

    private static Optional<Instant> since(Phase phase) {
        if (phase instanceof Phase.Running running) {
            return Optional.of(running.since());
        } else if (phase instanceof Phase.Ready ready) {
            return Optional.of(ready.since());
        } else if (phase instanceof Phase.Unhealthy unhealthy) {
            return Optional.of(unhealthy.since());
        }
        return Optional.empty();
    }

    private static long pid(Phase phase) {
        if (phase instanceof Phase.Running running) {
            return running.pid();
        } else if (phase instanceof Phase.Ready ready) {
            return ready.pid();
        }
        return ((Phase.Unhealthy) phase).pid();
    }
}
