package dev.devstack.agent;

import dev.devstack.agent.names.Route;
import dev.devstack.agent.names.RouteTable;
import dev.devstack.agent.names.Routes;
import dev.devstack.agent.names.StackWatcher;
import dev.devstack.agent.proxy.NameProxy;
import dev.devstack.agent.proxy.ProxyLimits;
import dev.devstack.agent.registry.AgentRegistry;
import dev.devstack.agent.site.AgentSite;
import dev.devstack.agent.site.StackNames;
import dev.devstack.agent.socket.AgentHandler;
import dev.devstack.agent.socket.AgentSocket;
import dev.devstack.app.AgentLease;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.app.http.ApiToken;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.model.DurationText;
import dev.devstack.supervisor.model.HostNames;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The user's resident agent (docs/names.md): its port leased and kept, the name proxy on it, the
 * user's running stacks followed for their routes, the registry served over its socket and its
 * port, and its own page of every running stack. It ends when asked ({@code stop}), or by itself
 * after {@link AgentSettings#idleExit()} with no running stack and no request.
 */
public final class Agent implements AutoCloseable {

    private static final long IDLE_CHECK_SECONDS = 5;

    private final AgentSettings settings;
    private final Consumer<String> log;
    private final Activity activity;
    private final long pid = ProcessHandle.current().pid();
    private final Instant startedAt;
    /** Counted down when the agent is asked to stop: by `stop`, by its idle exit, or by being closed. */
    private final CountDownLatch stopAsked = new CountDownLatch(1);
    private final ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-agent-idle");
        thread.setDaemon(true);
        return thread;
    });
    private AgentLease lease;
    private AgentRegistry registry;
    private StackWatcher watcher;
    private NameProxy proxy;
    private AgentSocket socket;
    private boolean closed;

    private Agent(AgentSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
        this.activity = new Activity(settings.clock());
        this.startedAt = settings.clock().instant();
    }

    /**
     * Takes the port, starts everything and returns once names are served; a DevstackException
     * when the port is someone else's or another agent of the user runs already.
     */
    public static Agent start(AgentSettings settings, Consumer<String> log) throws IOException {
        Agent agent = new Agent(settings, log);
        try {
            agent.open();
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    private void open() throws IOException {
        Optional<AgentClient> other = AgentClient.connect(settings.home(), "devstack agent (starting)");
        if (other.isPresent()) {
            long otherPid = other.get().hello().path("pid").asLong();
            other.get().close();
            throw DevstackException.alreadyRunning("a devstack agent runs already for this user (pid " + otherPid
                    + "); `devstack agent status` tells about it, `devstack agent stop` stops it");
        }
        lease = AgentLease.take(settings.home(), settings.port(), settings.environment(), settings.clock(), log);
        RouteTable table = new RouteTable();
        watcher = new StackWatcher(settings.home(), settings.clock(), table, log);
        registry = AgentRegistry.start(settings.home(), settings.clock(), log);
        Routes routes = host -> {
            activity.touch();
            Route route = table.route(host);
            if (route instanceof Route.Unknown) {
                watcher.look();
            }
            return route;
        };
        AgentSite site = new AgentSite(this::stacks, registry.site(ApiToken.of(settings.home())), lease.port(), pid);
        proxy = NameProxy.start(lease.port(), routes, site, ProxyLimits.DEFAULTS);
        Map<String, AgentHandler> handlers = new HashMap<>(registry.handlers());
        handlers.putAll(new AgentRequests(this).handlers());
        socket = AgentSocket.open(AgentClient.socket(settings.home()), handlers, activity::touch);
        watcher.start();
        idle.scheduleWithFixedDelay(this::endIfIdle, IDLE_CHECK_SECONDS, IDLE_CHECK_SECONDS, TimeUnit.SECONDS);
        log.accept("devstack agent (pid " + pid + "): names on port " + lease.port() + (proxy.servesIpv6()
                ? " (127.0.0.1 and ::1)" : " (127.0.0.1 only: this machine has no ::1)") + "; running stacks at "
                + url() + "/; socket " + socket.path());
    }

    public int port() {
        return lease.port();
    }

    public long pid() {
        return pid;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public AgentSettings settings() {
        return settings;
    }

    /** The agent's own page: {@code http://devstack.localhost:PORT}. */
    public String url() {
        return HostNames.url(HostNames.AGENT, lease.port());
    }

    public List<StackNames> stacks() {
        return watcher.stacks().stream().map(stack -> StackNames.of(stack, lease.port()))
                .sorted(Comparator.comparing(StackNames::project).thenComparing(StackNames::instance)).toList();
    }

    /** Looks for a stack that has just started, without waiting for the next scan. */
    void look() {
        watcher.look();
    }

    private void endIfIdle() {
        if (watcher.stacks().isEmpty() && activity.idleFor(settings.idleExit())) {
            log.accept("no running stack and no request for " + DurationText.of(settings.idleExit()) + ": ending");
            stop();
        }
    }

    /**
     * Asks the agent to stop: whoever waits in {@link #awaitStop()} then closes it, on a thread of its
     * own (closing on the idle check's or a request's thread would interrupt or close that very thread).
     */
    public void stop() {
        stopAsked.countDown();
    }

    /** Waits until the agent is asked to stop (or has been closed). */
    public void awaitStop() throws InterruptedException {
        stopAsked.await();
    }

    /** Stops serving: the socket first (so that no new client finds a dying agent), then the names, then the lease. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        idle.shutdown();
        closeQuietly(socket);
        closeQuietly(proxy);
        closeQuietly(watcher);
        closeQuietly(registry);
        closeQuietly(lease);
        stopAsked.countDown();
    }

    private void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            log.accept("while stopping: " + e.getMessage());
        }
    }
}
