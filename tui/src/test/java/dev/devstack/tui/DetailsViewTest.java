package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.NOW;
import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.EnvironmentEntry;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.GroupProcess;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.RestartReason;
import dev.devstack.supervisor.model.RestartRecord;
import dev.devstack.supervisor.model.RestartSettings;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.ServiceState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The details view (`i`): everything the stack tells of the selected service, at every size, secrets masked. */
class DetailsViewTest {

    private static final String SECRET = "sk-live-4f9a2c";
    private static final String LONG_ARGUMENT = "--with-a-very-long-option-that-no-terminal-is-wide-enough-to-show"
            .repeat(4);

    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    private static FakeStack stack() {
        FakeStack stack = new FakeStack(List.of(
                service("api", ServiceState.READY, 7534, 4012, new ServiceDetail.None()),
                service("web", ServiceState.RUNNING, 7689, 4013, new ServiceDetail.None())),
                List.of(port("api", 4012), port("web", 4013)));
        ServiceDetail restart = new ServiceDetail.RestartingNow(new ExitDescription.Natural(0), 1, RestartReason.ASKED);
        stack.inspections.put("api", new ServiceInspection("api", "python3 -u api.py " + LONG_ARGUMENT,
                Path.of("/home/dev/shop/api"),
                List.of(EnvironmentEntry.of("API_KEY", SECRET), EnvironmentEntry.of("db_password", SECRET),
                        EnvironmentEntry.of("PORT", "4012")),
                List.of(new PortAssignment("api", "", 4012, new AssignmentReason.Automatic("4000-4999")),
                        new PortAssignment("api", "admin", 4013, new AssignmentReason.Sticky())),
                List.of(new CheckStatus(CheckStatus.Role.READINESS, "http GET /status on 4012",
                                Optional.of(new CheckStatus.Attempt(NOW.minusSeconds(60), true, "HTTP 200"))),
                        new CheckStatus(CheckStatus.Role.HEALTH, "exec `pg_isready`",
                                Optional.of(new CheckStatus.Attempt(NOW.minusSeconds(5), false, "exit 2")))),
                new RestartSettings("on-failure", Duration.ofMillis(500), OptionalInt.of(5)),
                List.of(new RestartRecord(NOW.minusSeconds(30), restart)),
                Path.of("/home/dev/shop/.devstack/logs/api.log"),
                List.of(new GroupProcess(7534, "python3 -u api.py"), new GroupProcess(7540, "worker --child"))));
        return stack;
    }

    @Test
    void aRefreshKeepsTheLastAnswerOnScreenAndWhereTheViewWasScrolledTo() {
        FakeStack stack = stack();
        screen = new VirtualDashboard(60, 15, stack, stack, stack.finished, List::of,
                Map.of("TERM", "xterm", "LANG", "C.UTF-8"), Clock.systemUTC(), Optional.empty());
        screen.awaitRow("● ready");
        screen.type('i');
        screen.awaitRow("command");
        for (int i = 0; i < 8; i++) {
            screen.press(KeyType.ArrowDown);
        }
        screen.awaitGone("command");
        String scrolled = screen.text();
        stack.inspectionsHang = true;
        long asked = stack.requests.stream().filter("inspect api"::equals).count();

        screen.awaitRow(row -> stack.requests.stream().filter("inspect api"::equals).count() > asked,
                "the view to ask again");
        screen.press(KeyType.Home);
        screen.press(KeyType.End);
        screen.awaitRow(row -> screen.text().contains("PROCESSES") || screen.text().contains("worker --child"),
                "the end of the last answer");

        assertThat(screen.text()).doesNotContain("asking the stack");
        assertThat(scrolled).doesNotContain("asking the stack");
    }

    @ParameterizedTest
    @CsvSource({"60, 15", "120, 40", "200, 60"})
    void showsEverythingTheStackToldScrollingWhereItMustAndMasksSecrets(int columns, int rows) {
        FakeStack stack = stack();
        screen = VirtualDashboard.of(stack, columns, rows);
        screen.awaitRow("● ready");

        screen.type('i');

        screen.awaitRow("devstack", "details");
        screen.awaitRow("api", "● ready");
        Set<String> seen = new LinkedHashSet<>(screen.rows());
        for (int page = 0; page < 10 && !String.join("\n", seen).contains("PORT="); page++) {
            List<String> before = screen.rows();
            screen.press(KeyType.PageDown);
            seen.addAll(screen.awaitChange(before));
        }
        String all = String.join("\n", seen);
        assertThat(all).contains("command", "python3 -u api.py --with-a-very-long", "folder", "/home/dev/shop/api",
                "log file", "/home/dev/shop/.devstack/logs/api.log",
                "restart", "on-failure · backoff 0.50s · max 5 in a row",
                "PORTS", "4012", "free port from 4000-4999", "PORT_admin", "same as last time",
                "CHECKS", "readiness", "http GET /status on 4012", "last 12:02:44: passed, HTTP 200", "last 12:03:39: failed, exit 2",
                "health", "exec `pg_isready`", "failed, exit 2",
                "RESTARTS", "12:03:14", "exit 0, restart 1 now (asked for)",
                "PROCESSES", "7534", "7540", "worker --child",
                "ENVIRONMENT", "API_KEY=••••••", "db_password=••••••", "PORT=4012");
        assertThat(all).doesNotContain(SECRET);
        String command = screen.text().contains("command") ? screen.awaitRow("command") : seen.stream()
                .filter(row -> row.contains("command")).findFirst().orElseThrow();
        assertThat(command).endsWith("…").hasSizeLessThanOrEqualTo(columns);
        assertThat(screen.rows().get(rows - 1)).contains("i or Esc back");
        assertThat(stack.requests).contains("inspect api");

        screen.press(KeyType.Escape);

        screen.awaitRow("SERVICE", "STATE", "PORT");
        screen.type('i');
        screen.awaitRow("devstack", "details");
        screen.type('i');
        screen.awaitRow("SERVICE", "STATE", "PORT");
    }

    @ParameterizedTest
    @CsvSource({"60, 15", "120, 40", "200, 60"})
    void aServiceTheStackCannotTellOfSaysWhy(int columns, int rows) {
        FakeStack stack = stack();
        screen = VirtualDashboard.of(stack, columns, rows);
        screen.awaitRow("● ready");

        screen.press(KeyType.ArrowDown);
        screen.type('i');

        screen.awaitRow("web", "the stack could not tell: this stack runs no");
        assertThat(stack.requests).contains("inspect web");
    }
}
