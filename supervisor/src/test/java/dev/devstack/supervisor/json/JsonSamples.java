package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.LeaseOwner;
import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StopCause;
import dev.devstack.supervisor.model.StopMeans;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A value of every kind a snapshot carries, and of every kind nested in those, so that the round
 * trips cover them all; {@link #assertCovers} fails when a kind is added without a sample here.
 */
final class JsonSamples {

    private static final StopCause ASKED_BY = new StopCause.Asked(Optional.of("`devstack kill 5173`"));
    private static final ReadinessFinding TIMED_OUT = new ReadinessFinding.TimedOut(Duration.ofMillis(1500), "tcp port 5432",
            Optional.empty());
    private static final LeaseOwner OTHER = new LeaseOwner("/home/dev/other", "default", "api", "");

    private JsonSamples() {
    }

    static List<ServiceDetail> details() {
        return List.of(
                new ServiceDetail.None(),
                new ServiceDetail.Launching("python3 app.py"),
                new ServiceDetail.Adopting("pid 28410 (python3 app.py)"),
                new ServiceDetail.Started(28410),
                new ServiceDetail.AwaitingDaemon(28410, Duration.ofSeconds(10), Optional.of(8080),
                        Optional.of(Path.of("/home/dev/shop/run/app.pid"))),
                new ServiceDetail.AwaitingDaemon(28410, Duration.ofMillis(2500), Optional.empty(), Optional.empty()),
                new ServiceDetail.DaemonTookOver(28431),
                new ServiceDetail.Ready(new ReadinessFinding.PortAccepts(20417), Duration.ofMillis(310)),
                new ServiceDetail.Ready(new ReadinessFinding.LineMatched("listening on \\d+"), Duration.ofSeconds(2)),
                new ServiceDetail.Ready(new ReadinessFinding.CheckPassed("http GET /status on port 3000", "HTTP 200"),
                        Duration.ofMillis(1)),
                new ServiceDetail.NotReady(new ReadinessFinding.NoLineMatched(Duration.ofSeconds(30), "ready")),
                new ServiceDetail.NotReady(new ReadinessFinding.ChecksFailed(3, "exec ./check.sh", Optional.of("exit 1"))),
                new ServiceDetail.NotReady(TIMED_OUT),
                new ServiceDetail.Unhealthy(3, "http GET /health on port 3000", "HTTP 503"),
                new ServiceDetail.HealthyAgain("http GET /health on port 3000", "HTTP 200"),
                new ServiceDetail.Ended(new ExitDescription.Natural(3)),
                new ServiceDetail.Ended(new ExitDescription.Signalled(Signal.KILL, new StopCause.Shutdown())),
                new ServiceDetail.Ended(new ExitDescription.Stopped(new StopMeans.StopCommand(), 0, ASKED_BY)),
                new ServiceDetail.Completed(),
                new ServiceDetail.RestartScheduled(new ExitDescription.Natural(1), 3, Duration.ofSeconds(4)),
                new ServiceDetail.RestartingNow(new ExitDescription.Signalled(Signal.TERM,
                        new StopCause.Restart(RestartReason.UNHEALTHY)), 2, RestartReason.UNHEALTHY),
                new ServiceDetail.GaveUp(new ExitDescription.Natural(1), 2),
                new ServiceDetail.LaunchFailed("./nosuch --port 3000", Path.of("/home/dev/shop")),
                new ServiceDetail.NotStarted(new StopCause.Shutdown()),
                new ServiceDetail.NotRestarted(new StopCause.Asked(Optional.empty())),
                new ServiceDetail.LeftRunning(28410),
                new ServiceDetail.Stopping(new StopMeans.SignalSent(Signal.INT), Optional.of(Duration.ofSeconds(10)),
                        new StopCause.Shutdown()),
                new ServiceDetail.Stopping(new StopMeans.StopCommand(), Optional.empty(),
                        new StopCause.Restart(RestartReason.ASKED)),
                new ServiceDetail.KillAfterTimeout(Duration.ofSeconds(10), new StopMeans.SignalSent(Signal.TERM)),
                new ServiceDetail.PipesHeldOpen(),
                new ServiceDetail.AskedToStart(),
                new ServiceDetail.AskedToRestart(),
                new ServiceDetail.FilesChanged(),
                new ServiceDetail.Stopping(new StopMeans.SignalSent(Signal.TERM), Optional.empty(),
                        new StopCause.Restart(RestartReason.WATCH)),
                new ServiceDetail.WaitsAgain("db"),
                new ServiceDetail.WaitsFor("db", Condition.COMPLETED, ServiceState.CRASHED,
                        new ServiceDetail.Ended(new ExitDescription.Natural(1))),
                new ServiceDetail.WaitsForUnready("db", new ServiceDetail.NotReady(TIMED_OUT)),
                new ServiceDetail.Reconfigured(),
                new ServiceDetail.Stopping(new StopMeans.SignalSent(Signal.TERM), Optional.empty(), new StopCause.Removed()),
                new ServiceDetail.Stopping(new StopMeans.SignalSent(Signal.TERM), Optional.empty(),
                        new StopCause.Reconfigured()));
    }

    static List<AssignmentReason> reasons() {
        return List.of(
                new AssignmentReason.Sticky(),
                new AssignmentReason.Preferred(),
                moved(new PortRefusal.InUse(new PortRefusal.Seen(99, "dev", "nginx: master process"))),
                moved(new PortRefusal.InUse(new PortRefusal.Hidden("root", true))),
                moved(new PortRefusal.InUse(new PortRefusal.Unseen())),
                moved(new PortRefusal.Leased(OTHER, OptionalLong.of(4242))),
                new AssignmentReason.Moved(new PortRefusal(3000, new PortRefusal.Leased(OTHER, OptionalLong.empty()),
                        Optional.of(new PortRefusal.EarlierRun("web", "same command and folder", true)))),
                moved(new PortRefusal.OtherService()),
                moved(new PortRefusal.NotAllowed("Permission denied")),
                moved(new PortRefusal.Raced()),
                new AssignmentReason.Reclaimed("pid 4242 (node server.js)", "same command and folder", true),
                new AssignmentReason.Adopted(4242, 1796025672345L, "pid 4242 (node server.js)", "same command and folder"),
                new AssignmentReason.Automatic("20000-29999"),
                new AssignmentReason.Inherited("api"));
    }

    private static AssignmentReason moved(PortRefusal.Blocker blocker) {
        return new AssignmentReason.Moved(new PortRefusal(3000, blocker));
    }

    /** Every record that a value of {@code root} can hold, at any depth, is in one of the samples. */
    static void assertCovers(Class<?> root, List<?> samples) {
        Set<Class<?>> sampled = new LinkedHashSet<>();
        samples.forEach(sample -> held(sample, sampled));
        assertThat(sampled).as("every kind a %s can hold has a sample in JsonSamples", root.getSimpleName())
                .containsAll(reachable(root, new LinkedHashSet<>()));
    }

    private static Set<Class<?>> reachable(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                reachable(argument, found);
            }
        } else if (type instanceof Class<?> plain && plain.isSealed()) {
            for (Class<?> permitted : plain.getPermittedSubclasses()) {
                reachable(permitted, found);
            }
        } else if (type instanceof Class<?> plain && plain.isRecord() && found.add(plain)) {
            for (RecordComponent component : plain.getRecordComponents()) {
                reachable(component.getGenericType(), found);
            }
        }
        return found;
    }

    private static void held(Object value, Set<Class<?>> found) {
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> held(present, found));
        } else if (value instanceof Record record) {
            found.add(record.getClass());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    held(component.getAccessor().invoke(record), found);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
