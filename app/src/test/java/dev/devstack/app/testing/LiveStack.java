package dev.devstack.app.testing;

import dev.devstack.app.ProjectContext;
import dev.devstack.app.UpOptions;
import dev.devstack.app.UpSession;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * `up` sessions of one test project on the real machine and registry: started from a ports.yaml,
 * watched through their events, and ended, with every process group they started, by
 * {@link #close()} (call it from {@code @AfterEach}).
 */
public final class LiveStack implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Path projectDir;
    private final Path home;
    private final TestProject project;
    private final List<UpSession> sessions = new ArrayList<>();
    private final List<StackEvent> events = Collections.synchronizedList(new ArrayList<>());

    public LiveStack(Path projectDir, Path home) {
        this.projectDir = projectDir;
        this.home = home;
        this.project = new TestProject(projectDir);
    }

    public TestProject project() {
        return project;
    }

    /** Writes ports.yaml and starts the stack. */
    public Supervisor up(String yaml) {
        return up(yaml, UpOptions.ALL);
    }

    public Supervisor up(String yaml, UpOptions options) {
        project.write("ports.yaml", yaml);
        UpSession session = open(options);
        session.start();
        return session.supervisor();
    }

    /** Claims the ports of the ports.yaml already written; nothing starts until the session's start(). */
    public UpSession open(UpOptions options) {
        UpSession session = UpSession.open(new ProjectContext(projectDir, System.getenv(), home, "default",
                Clock.systemUTC()), options, warning -> { });
        sessions.add(session);
        session.supervisor().subscribe(events::add);
        return session;
    }

    /** The service's snapshot once it is in {@code state}. */
    public static ServiceSnapshot await(Supervisor supervisor, String service, ServiceState state) {
        Await.until(WAIT, service + " to be " + state.word(),
                () -> supervisor.snapshot().service(service).orElseThrow().state() == state);
        return supervisor.snapshot().service(service).orElseThrow();
    }

    /** The events so far; the bus thread may be adding more while a test reads. */
    public List<StackEvent> events() {
        return new ArrayList<>(events);
    }

    /** The details of the service's changes to {@code state}, in order, in the words devstack prints. */
    public List<String> details(String service, ServiceState state) {
        return events().stream()
                .filter(e -> e instanceof StackEvent.StateChanged c && c.service().equals(service)
                        && c.state() == state)
                .map(e -> DetailText.of(((StackEvent.StateChanged) e).detail())).toList();
    }

    /** The notices about the service ("" for the stack), in order. */
    public List<String> notices(String service) {
        return events().stream()
                .filter(e -> e instanceof StackEvent.Notice n && n.service().equals(service))
                .map(e -> ((StackEvent.Notice) e).message()).toList();
    }

    @Override
    public void close() {
        for (UpSession session : sessions) {
            session.supervisor().snapshot().services().forEach(s -> s.pid().ifPresent(Processes::killGroup));
            session.close();
        }
        sessions.clear();
    }
}
