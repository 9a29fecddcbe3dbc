package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a service stands against `wait --for`, from its state, its detail, the stack's phase and whether it is a one-shot task. */
class WaitConditionTest {

    @ParameterizedTest(name = "{0} {1} ({2}, stack {3}, oneshot {4}) -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            READY     | PENDING   | none      | STARTING | false | WAITING
            READY     | STARTING  | none      | STARTING | false | WAITING
            READY     | BACKOFF   | none      | RUNNING  | false | WAITING
            READY     | RUNNING   | started   | STARTING | false | WAITING
            READY     | RUNNING   | started   | RUNNING  | false | REACHED
            READY     | RUNNING   | not_ready | RUNNING  | false | FAILED
            READY     | RUNNING   | started   | RUNNING  | true  | WAITING
            READY     | READY     | ready     | STARTING | false | REACHED
            READY     | UNHEALTHY | unhealthy | RUNNING  | false | REACHED
            READY     | EXITED    | completed | RUNNING  | true  | REACHED
            READY     | EXITED    | exit_0    | RUNNING  | false | FAILED
            READY     | CRASHED   | exit_3    | RUNNING  | false | FAILED
            READY     | FAILED    | exit_3    | RUNNING  | false | FAILED
            READY     | BLOCKED   | none      | RUNNING  | false | FAILED
            READY     | STOPPING  | none      | STOPPING | false | FAILED
            READY     | STOPPED   | none      | STOPPING | false | FAILED
            HEALTHY   | READY     | ready     | RUNNING  | false | REACHED
            HEALTHY   | UNHEALTHY | unhealthy | RUNNING  | false | WAITING
            HEALTHY   | RUNNING   | started   | RUNNING  | false | REACHED
            HEALTHY   | CRASHED   | exit_3    | RUNNING  | false | FAILED
            COMPLETED | RUNNING   | started   | RUNNING  | true  | WAITING
            COMPLETED | READY     | ready     | RUNNING  | false | WAITING
            COMPLETED | EXITED    | completed | RUNNING  | true  | REACHED
            COMPLETED | EXITED    | exit_0    | RUNNING  | false | REACHED
            COMPLETED | CRASHED   | exit_3    | RUNNING  | true  | FAILED
            COMPLETED | BLOCKED   | none      | RUNNING  | true  | FAILED
            """)
    void judgesAServiceByItsStateDetailPhaseAndKind(WaitCondition condition, ServiceState state, String detail,
                                                   StackPhase phase, boolean oneshot, WaitCondition.Verdict verdict) {
        assertThat(condition.judge(service("api", state, detail), phase, oneshot)).isEqualTo(verdict);
    }

    @Test
    void theServiceThatFailedIsNamedRatherThanTheOnesItBlocked() {
        StackWait wait = new StackWait(List.of(), WaitCondition.READY, Set.of());
        StackSnapshot snapshot = stack(StackPhase.RUNNING, service("web", ServiceState.BLOCKED, "none"),
                service("db", ServiceState.CRASHED, "exit_3"), service("api", ServiceState.READY, "ready"));
        List<String> told = new ArrayList<>();

        Optional<WaitOutcome> outcome = wait.judge(snapshot, new HashMap<>(), (s, v) -> told.add(s.name() + " " + v));

        assertThat(outcome).containsInstanceOf(WaitOutcome.Failed.class);
        assertThat(((WaitOutcome.Failed) outcome.get()).service().name()).isEqualTo("db");
        assertThat(told).containsExactly("web FAILED", "db FAILED", "api REACHED");
    }

    @Test
    void progressIsToldOncePerServiceAndOnlyTheServicesNamedAreWaitedFor() {
        StackWait wait = new StackWait(List.of("web"), WaitCondition.READY, Set.of());
        HashMap<String, WaitCondition.Verdict> seen = new HashMap<>();
        List<String> told = new ArrayList<>();
        StackSnapshot starting = stack(StackPhase.STARTING, service("web.0", ServiceState.READY, "ready"),
                service("web.1", ServiceState.STARTING, "none"), service("db", ServiceState.CRASHED, "exit_3"));
        StackSnapshot ready = stack(StackPhase.STARTING, service("web.0", ServiceState.READY, "ready"),
                service("web.1", ServiceState.READY, "ready"), service("db", ServiceState.CRASHED, "exit_3"));

        assertThat(wait.judge(starting, seen, (s, v) -> told.add(s.name()))).isEmpty();
        assertThat(wait.judge(ready, seen, (s, v) -> told.add(s.name()))).containsInstanceOf(WaitOutcome.Reached.class);
        assertThat(told).containsExactly("web.0", "web.1");
    }

    @Test
    void aNameThatIsNoServiceOfTheStackIsRefusedWithWhatThereIs() {
        StackWait wait = new StackWait(List.of("wbe"), WaitCondition.READY, Set.of());

        assertThatThrownBy(() -> wait.units(stack(StackPhase.RUNNING, service("web", ServiceState.READY, "ready"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no service of shop is called wbe; it has: web");
    }

    private static StackSnapshot stack(StackPhase phase, ServiceSnapshot... services) {
        return new StackSnapshot("shop", "default", Instant.EPOCH, phase, List.of(services), List.of());
    }

    private static ServiceSnapshot service(String name, ServiceState state, String detail) {
        ServiceDetail typed = switch (detail) {
            case "started" -> new ServiceDetail.Started(42);
            case "not_ready" -> new ServiceDetail.NotReady(new ReadinessFinding.TimedOut(Duration.ofSeconds(60),
                    "tcp", Optional.empty()));
            case "ready" -> new ServiceDetail.Ready(new ReadinessFinding.PortAccepts(4000), Duration.ofMillis(300));
            case "unhealthy" -> new ServiceDetail.Unhealthy(3, "http GET /healthz", "HTTP 500");
            case "completed" -> new ServiceDetail.Completed();
            case "exit_0" -> new ServiceDetail.Ended(new ExitDescription.Natural(0));
            case "exit_3" -> new ServiceDetail.Ended(new ExitDescription.Natural(3));
            default -> new ServiceDetail.None();
        };
        return new ServiceSnapshot(name, state, OptionalLong.empty(), OptionalLong.empty(), List.of(), Optional.empty(),
                OptionalInt.empty(), 0, typed);
    }
}
