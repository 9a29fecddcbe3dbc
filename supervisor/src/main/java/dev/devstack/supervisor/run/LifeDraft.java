package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.ServiceDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The life being changed by one input, and the effects so far: local to one call of {@link Lifecycle#next}. */
final class LifeDraft {

    final Instant now;
    final List<Effect> effects = new ArrayList<>();
    Phase phase;
    int restarts;
    int streak;
    boolean started;
    boolean completed;
    Life.Readiness readiness;
    boolean adopted;
    boolean stackStopping;
    OptionalInt exitCode;

    LifeDraft(Life life, Instant now) {
        this.now = now;
        this.phase = life.phase();
        this.restarts = life.restarts();
        this.streak = life.streak();
        this.started = life.started();
        this.completed = life.completed();
        this.readiness = life.readiness();
        this.adopted = life.adopted();
        this.stackStopping = life.stackStopping();
        this.exitCode = life.exitCode();
    }

    void enter(Phase next) {
        phase = next;
        effects.add(new Effect.Publish(next.state(), next.detail()));
    }

    void explain(ServiceDetail detail) {
        phase = phase.with(detail);
        effects.add(new Effect.Explain(detail));
    }

    Lifecycle.Transition done() {
        return new Lifecycle.Transition(new Life(phase, restarts, streak, started, completed, readiness, adopted, stackStopping,
                exitCode), effects);
    }
}
