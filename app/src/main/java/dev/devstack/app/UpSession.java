package dev.devstack.app;

import dev.devstack.app.http.ApiServer;
import dev.devstack.app.http.ApiToken;
import dev.devstack.app.view.PortRows;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.config.StackSelection;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.ControlServer;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import dev.devstack.supervisor.plan.PortPlanner;
import dev.devstack.supervisor.plan.StackPlan;
import dev.devstack.supervisor.run.NuProcessLauncher;
import dev.devstack.supervisor.run.ProcessGroups;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.run.SupervisorSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * One `devstack up`: loads the configuration, claims every port in one registry operation,
 * runs the stack, publishes its live state, and gives the leases back when it is closed
 * (the sticky memory of the ports stays).
 */
public final class UpSession implements AutoCloseable {

    private final ProjectContext context;
    private final StackConfig config;
    private final Machine machine;
    private final ProcessInfo self;
    private final StackPlan plan;
    private final Supervisor supervisor;
    private final SessionStack stack;
    private final List<Lease> swept;
    private final List<String> leftovers;
    private final RegistryProcessJournal journal;
    private final Consumer<String> warnings;
    private final UpLock lock;
    private final RunStatePublisher publisher;
    private final Optional<ApiServer> api;
    /** The agent's port, when the stack's URLs are names (urls: names). */
    private final OptionalInt agentPort;
    private ControlServer control;
    private Thread shutdownHook;

    private UpSession(ProjectContext context, UpOptions options, Consumer<String> warnings) {
        this.context = context;
        this.warnings = warnings;
        this.config = StackSelection.select(context.loader().load(context.projectDir()),
                options.selection());
        LocalOverridesInGit.warning(context.projectDir()).ifPresent(warnings);
        this.machine = new Machine(context, warnings);
        this.self = machine.processes.self();
        ProjectStateDir.prepare(context);
        this.lock = UpLock.acquire(context, config.project(), self.pid(), warnings);
        RunStateFile runState = new RunStateFile(context.stateDir());
        if (lock.held()) {
            publishStarting(runState);
        }
        ProjectLeases.StackClaim claim = null;
        RegistryProcessJournal records = null;
        Supervisor running = null;
        try {
            ProcessGroups groups = new ProcessGroups();
            this.leftovers = new Leftovers(machine.leases, machine.processes).end(groups);
            claim = machine.leases.claim(config, machine.planner, self, options.adopt());
            this.swept = claim.swept();
            this.agentPort = NamedUrls.agentPort(context, config);
            this.plan = new StackPlan(config, context.instance(), claim.ports(),
                    new EnvironmentBuilder(context.environment(), agentPort).build(config, context.instance(), claim.ports()));
            records = new RegistryProcessJournal(machine.leases, machine.processes, self, context, warnings);
            running = new Supervisor(plan, new NuProcessLauncher(), records, groups, context.clock(),
                    SupervisorSettings.defaults(context.stateDir().resolve("logs"))
                            .withExitOnFailure(options.exitOnFailure()).withStayOpen(options.interactive()));
            this.publisher = new RunStatePublisher(runState, running, self,
                    plan.ports().api().map(api -> EnvironmentBuilder.url(api.port())), warnings);
        } catch (RuntimeException e) {
            if (running != null) {
                running.close();
            }
            if (records != null) {
                records.close();
            }
            if (claim != null) {
                claim.ports().close();
                machine.leases.release(self);
            }
            runState.deleteIfOwnedBy(self.pid());
            lock.close();
            machine.close();
            throw e;
        }
        this.journal = records;
        this.supervisor = running;
        this.stack = new SessionStack(running, plan, context, options.selection(), machine, self, agentPort);
        this.api = api();
    }

    /**
     * The stack's HTTP API on the port claimed for it, following the stack from before its start;
     * without a port or a token the stack runs on without it, and says why.
     */
    private Optional<ApiServer> api() {
        if (plan.ports().api().isEmpty()) {
            warnings.accept("no port was free in " + config.range() + " for this stack's HTTP API; the stack runs"
                    + " without it (DEVSTACK_API_URL is not set)");
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiServer(plan.ports().api().get().port(), stack, stack, stack,
                    stack::notice, ApiToken.of(context.home()), context.clock(), ProcessGroupResources.measured(),
                    portRows(), agentPort));
        } catch (RuntimeException e) {
            warnings.accept("no HTTP API for this stack: " + e.getMessage() + "; the stack runs without it");
            return Optional.empty();
        }
    }

    /**
     * Says "starting" in run.json before anything slow (ending leftovers, claiming ports), so that
     * a script polling `devstack ports` from the moment `up` began never sees the stack as stopped.
     */
    private void publishStarting(RunStateFile runState) {
        List<ServiceSnapshot> services = config.services().stream().flatMap(s -> s.units().stream())
                .map(unit -> new ServiceSnapshot(unit, ServiceState.PENDING, OptionalLong.empty(), OptionalLong.empty(),
                        List.of(), Optional.empty(), OptionalInt.empty(), 0, new ServiceDetail.None())).toList();
        try {
            runState.write(new StackSnapshot(config.project(), context.instance(), context.clock().instant(),
                    StackPhase.STARTING, services, List.of(), config.names().frontDoor()), self.pid(), self.startMillis(), Optional.empty());
        } catch (IOException e) {
            // said once by the publisher, which writes the same file as soon as the ports are claimed
        }
    }

    /** Claims the ports; nothing is started yet, so that views can subscribe first. */
    public static UpSession open(ProjectContext context, Consumer<String> warnings) {
        return new UpSession(context, UpOptions.ALL, warnings);
    }

    public static UpSession open(ProjectContext context, UpOptions options, Consumer<String> warnings) {
        return new UpSession(context, options, warnings);
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    /** The running stack as views and clients see it: what the supervisor shows, and reload and scale besides. */
    public SessionStack stack() {
        return stack;
    }

    public StackConfig config() {
        return config;
    }

    /** The agent's port, when the stack's URLs are its services' names (`urls: names`). */
    public OptionalInt agentPort() {
        return agentPort;
    }

    /** The URL of the stack's HTTP API, when it has one. */
    public Optional<String> apiUrl() {
        return api.map(ApiServer::url);
    }

    /** Every port of the machine: what listens on it and which devstack lease it has. */
    public MachinePorts machinePorts() {
        return new MachinePorts(machine, context.clock());
    }

    /** The same, as the dashboard's rows: this project's leases told from the others'. */
    public PortRows portRows() {
        return machinePorts().rows(context.projectDir());
    }

    /** Tells how the ports were chosen, then starts the services. */
    public void start() {
        config.warnings().forEach(warning -> supervisor.notice("", warning));
        machine.registry().watch(status -> supervisor.notice("", RegistryStatusText.of(status)));
        if (!leftovers.isEmpty()) {
            supervisor.notice("", "ended what an earlier devstack of this project left running: "
                    + String.join("; ", leftovers));
        }
        if (!swept.isEmpty()) {
            supervisor.notice("", "released " + swept.size() + " lease(s) of devstack processes that have ended");
        }
        for (PortAssignment assignment : plan.ports().assignments()) {
            String name = assignment.primary() ? "port " : "port " + assignment.portName() + " ";
            supervisor.notice(assignment.service(), name + assignment.port() + " (" + assignment.reason().describe() + ")");
        }
        Path socket = ControlClient.socket(context.home(), context.projectDir().toString(), context.instance());
        try {
            control = ControlServer.open(socket, stack, self.pid(), apiUrl(), warnings);
        } catch (IOException e) {
            warnings.accept("no control socket at " + socket + " (" + e.getMessage() + "); `devstack kill` will"
                    + " signal this stack's processes directly, and this stack may restart them");
        }
        api.ifPresent(this::startApi);
        shutdownHook = new Thread(supervisor::killAllNow, "devstack-last-resort");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        supervisor.start();
    }

    /** Lets go of the port's hold and binds it; if something took it meanwhile, the stack goes on without. */
    private void startApi(ApiServer server) {
        plan.ports().release(PortPlanner.API_UNIT);
        try {
            server.start();
            supervisor.notice("", "HTTP API at " + server.url() + " (docs/protocol.md); its actions need the token in "
                    + server.tokenFile());
        } catch (IOException e) {
            supervisor.notice("", "cannot serve this stack's HTTP API at " + server.url() + " (" + e.getMessage()
                    + "); the stack runs without it, and DEVSTACK_API_URL points nowhere");
        }
    }

    @Override
    public void close() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; it only kills what is still there
            }
        }
        stack.close();
        publisher.close();
        supervisor.close();
        api.ifPresent(ApiServer::close);
        if (control != null) {
            control.close();
        }
        journal.close();
        try {
            machine.leases.release(self);
        } catch (DevstackException e) {
            if (e.category() != ErrorCategory.STATE) {
                throw e;
            }
            warnings.accept(e.getMessage() + "; the stack stopped without giving its leases back: a team registry drops"
                    + " them when this devstack's etcd lease expires, and the embedded registry sweeps them at the next"
                    + " claim, since their devstack has ended");
        } finally {
            lock.close();
            machine.close();
        }
    }
}
