package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.config.ScaleLimits;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.config.Selection;
import dev.devstack.supervisor.config.StackSelection;
import dev.devstack.supervisor.model.JournalListener;
import dev.devstack.supervisor.model.OutputHistory;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ReloadText;
import dev.devstack.supervisor.model.RunningStack;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.Subscription;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import dev.devstack.supervisor.plan.PortPlan;
import dev.devstack.supervisor.plan.StackPlan;
import dev.devstack.supervisor.run.Supervisor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * A running stack as everything else sees it (the dashboard, the control socket, the HTTP API):
 * its snapshot, events and journal, what a user may ask of one service, and what needs its
 * configuration, which the {@link Supervisor} cannot read: a reload, and a change of scale. A
 * reload reads the configuration as `up` did (the same services selected), claims the ports of new
 * units in one registry operation and gives back those no unit has any more, and hands the new
 * plan to the supervisor, which applies only the difference. Reloads run one at a time on a thread
 * of their own, so that no caller waits for the registry.
 */
public final class SessionStack implements RunningStack, AutoCloseable {

    private final Supervisor supervisor;
    private final ProjectContext context;
    private final Selection selected;
    private final Machine machine;
    private final ProcessInfo self;
    private final OptionalInt agentPort;
    private final ScaleOverrides scales = new ScaleOverrides();
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-reload");
        thread.setDaemon(true);
        return thread;
    });
    /** The plan the supervisor runs; read and replaced on the reload thread only (after construction). */
    private StackPlan plan;

    SessionStack(Supervisor supervisor, StackPlan plan, ProjectContext context, Selection selected, Machine machine,
                 ProcessInfo self, OptionalInt agentPort) {
        this.supervisor = supervisor;
        this.plan = plan;
        this.context = context;
        this.selected = selected;
        this.machine = machine;
        this.self = self;
        this.agentPort = agentPort;
    }

    @Override
    public CompletableFuture<ReloadOutcome> reload(Optional<String> by) {
        return submit(Optional.empty(), by);
    }

    @Override
    public CompletableFuture<ReloadOutcome> scale(String service, int replicas, Optional<String> by) {
        return submit(Optional.of(new Scale(service, replicas)), by);
    }

    private CompletableFuture<ReloadOutcome> submit(Optional<Scale> scale, Optional<String> by) {
        try {
            return CompletableFuture.supplyAsync(() -> apply(scale, by), reloads);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(new ReloadOutcome.Refused("the stack has stopped", List.of()));
        }
    }

    private record Scale(String service, int replicas) {
    }

    private ReloadOutcome apply(Optional<Scale> scale, Optional<String> by) {
        ReloadOutcome outcome = reloaded(scale, by);
        if (!(outcome instanceof ReloadOutcome.Applied)) {
            List<String> lines = ReloadText.lines(outcome);
            String asked = by.map(who -> " (asked by " + who + ")").orElse("");
            supervisor.notice("", "configuration not applied" + asked + ": " + lines.get(0));
            lines.subList(1, lines.size()).forEach(line -> supervisor.notice("", "  " + line));
        }
        return outcome;
    }

    private ReloadOutcome reloaded(Optional<Scale> scale, Optional<String> by) {
        StackConfig loaded;
        StackConfig config;
        try {
            loaded = context.loader().load(context.projectDir());
            Optional<ReloadOutcome> refused = scale.flatMap(asked -> refusal(asked, loaded));
            if (refused.isPresent()) {
                return refused.get();
            }
            StackConfig scaled = scales.apply(loaded);
            if (scale.isPresent()) {
                scaled = withScale(scaled, loaded.service(scale.get().service()).orElseThrow()
                        .withScale(scale.get().replicas()));
            }
            config = StackSelection.select(scaled, selected);
        } catch (DevstackException e) {
            return refused(e);
        }
        PortPlan ports;
        try {
            ports = machine.leases.reclaim(config, machine.planner, self, plan.ports());
        } catch (DevstackException e) {
            return refused(e);
        }
        StackPlan next = new StackPlan(config, context.instance(), ports,
                new EnvironmentBuilder(context.environment(), agentPort).build(config, context.instance(), ports));
        ReloadOutcome outcome = supervisor.reload(next, by).join();
        if (outcome instanceof ReloadOutcome.Applied) {
            plan = next;
            scale.ifPresent(asked -> scales.put(asked.service(),
                    loaded.service(asked.service()).orElseThrow().scale(), asked.replicas()));
        }
        return outcome;
    }

    /** A scale that cannot be: no such service here, too few or too many replicas, a pidfile with replicas. */
    private Optional<ReloadOutcome> refusal(Scale asked, StackConfig loaded) {
        Optional<ServiceSpec> service = loaded.service(asked.service())
                .filter(s -> plan.config().service(s.name()).isPresent());
        if (service.isEmpty()) {
            return Optional.of(new ReloadOutcome.Refused("this stack runs no service `" + asked.service()
                    + "` (services: " + String.join(", ", plan.config().services().stream().map(ServiceSpec::name)
                    .toList()) + ")", List.of()));
        }
        ScaleLimits limits = service.get().scaleLimits();
        if (!limits.allows(asked.replicas())) {
            return Optional.of(new ReloadOutcome.Refused("`" + asked.service() + "` can have " + limits.min() + " to "
                    + limits.max() + " replicas, not " + asked.replicas() + (limits.equals(ScaleLimits.ANY) ? ""
                    : " (its `scale:` in " + service.get().location().file() + " sets the limits)"),
                    List.of()));
        }
        if (asked.replicas() > 1 && service.get().pidfile().isPresent()) {
            return Optional.of(new ReloadOutcome.Refused("`" + asked.service() + "` has a pidfile, which its"
                    + " replicas would share; it can run only once", List.of()));
        }
        return Optional.empty();
    }

    private static StackConfig withScale(StackConfig config, ServiceSpec scaled) {
        return config.withServices(config.services().stream().map(s -> s.name().equals(scaled.name()) ? scaled : s)
                .toList());
    }

    /** Invalid configuration: every problem with its place; anything else (a port that cannot be had): the reason. */
    private ReloadOutcome refused(DevstackException e) {
        if (e.category() != ErrorCategory.INVALID_CONFIG) {
            return new ReloadOutcome.Refused(e.getMessage(), e.details());
        }
        if (!e.problems().isEmpty()) {
            return new ReloadOutcome.Invalid(e.problems());
        }
        String details = e.details().isEmpty() ? "" : ": " + String.join("; ", e.details());
        return new ReloadOutcome.Invalid(List.of(new ConfigProblem(plan.config().source(), 0, 0,
                e.getMessage() + details)));
    }

    @Override
    public StackSnapshot snapshot() {
        return supervisor.snapshot();
    }

    @Override
    public Subscription subscribe(StackListener listener) {
        return supervisor.subscribe(listener);
    }

    @Override
    public long lastSequence() {
        return supervisor.lastSequence();
    }

    @Override
    public Subscription follow(long after, JournalListener listener) {
        return supervisor.follow(after, listener);
    }

    @Override
    public OutputHistory output(Set<String> services, int lines, Optional<Instant> since) {
        return supervisor.output(services, lines, since);
    }

    @Override
    public void startService(String service) {
        supervisor.startService(service);
    }

    @Override
    public void stopService(String service, Optional<String> by) {
        supervisor.stopService(service, by);
    }

    @Override
    public void restartService(String service) {
        supervisor.restartService(service);
    }

    @Override
    public void killService(String service) {
        supervisor.killService(service);
    }

    @Override
    public void input(String service, String line) {
        supervisor.input(service, line);
    }

    @Override
    public void resizeTerminals(int columns, int rows) {
        supervisor.resizeTerminals(columns, rows);
    }

    @Override
    public CompletableFuture<ServiceInspection> inspect(String service) {
        return supervisor.inspect(service);
    }

    @Override
    public CompletableFuture<StackOutcome> stop() {
        return supervisor.stop();
    }

    @Override
    public void notice(String service, String message) {
        supervisor.notice(service, message);
    }

    /** Lets a reload under way finish; none starts after. */
    @Override
    public void close() {
        reloads.shutdown();
    }
}
