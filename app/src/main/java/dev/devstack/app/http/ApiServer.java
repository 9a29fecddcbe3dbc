package dev.devstack.app.http;

import com.sun.net.httpserver.HttpServer;
import dev.devstack.app.view.PortRows;
import dev.devstack.app.view.ResourceUsage;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackJournal;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
import dev.devstack.supervisor.plan.EnvironmentBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A stack's HTTP API on 127.0.0.1 (docs/protocol.md), served by the JDK's own server
 * ({@code com.sun.net.httpserver}): it parses HTTP, keeps connections alive and hands each request
 * to one of {@value #THREADS} threads, which is all a loopback API needs, at no cost in
 * dependencies or start-up. It follows the stack from when it is made, so that its health answers
 * know every check's result; it binds its port only when {@link #start()}ed.
 */
public final class ApiServer implements AutoCloseable {

    static {
        // The JDK's server writes a response's head and body in two writes and by default leaves
        // Nagle's algorithm on: each answer then waited ~40 ms for the client's delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * As many as can run on a laptop's cores at once: requests are short (a document written once
     * per snapshot), and more threads than cores only make each wait longer; event streams have
     * threads of their own ({@link EventStreams}).
     */
    static final int THREADS = 4;

    private final int port;
    private final ApiToken token;
    private final ApiHandler handler;
    private final EventStreams streams = new EventStreams();
    private final Subscription checks;
    private HttpServer server;
    private ThreadPoolExecutor threads;

    /**
     * @param notices where to say in the stack's output that an action was asked through the API
     *                (service, or "" for the stack; message)
     */
    public ApiServer(int port, StackView view, StackJournal journal, StackControl control,
                     BiConsumer<String, String> notices, ApiToken token, Clock clock, ResourceUsage usage,
                     PortRows machinePorts, OptionalInt agentPort) {
        this.port = port;
        this.token = token;
        CheckResults results = new CheckResults();
        this.checks = view.subscribe(results);
        this.handler = new ApiHandler(view, journal, control, notices,
                new ActionAccess(token, new WebPass(token, EnvironmentBuilder.url(port)), clock), results, streams, clock,
                Optional.of(EnvironmentBuilder.url(port)), agentPort,
                new MachineViews(new UsageDocument(usage, view), new MachinePortsDocument(machinePorts)));
    }

    public String url() {
        return EnvironmentBuilder.url(port);
    }

    /** The file whose token every action needs. */
    public Path tokenFile() {
        return token.file();
    }

    /** Binds 127.0.0.1 on its port and answers from now on; an IOException when the port was taken meanwhile. */
    public synchronized void start() throws IOException {
        HttpServer bound = HttpServer.create(new InetSocketAddress(InetAddress.getByName(EnvironmentBuilder.HOST), port),
                0);
        AtomicInteger count = new AtomicInteger();
        threads = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "devstack-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
        bound.createContext("/", handler);
        bound.setExecutor(threads);
        bound.start();
        server = bound;
    }

    @Override
    public synchronized void close() {
        checks.close();
        streams.close();
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
