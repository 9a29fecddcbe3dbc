package dev.devstack.tui;

import static dev.devstack.tui.FakeStack.port;
import static dev.devstack.tui.FakeStack.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.UnitDependency;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dependency graph (`g`): each service under what needs it, what a waiting one waits for, a blocked chain to its root cause. */
class GraphViewTest {

    private VirtualDashboard screen;

    @AfterEach
    void end() throws Exception {
        screen.close();
    }

    /** db crashed; api waited for it to be ready, web for api: both blocked. worker waits for cache to start. */
    private static FakeStack stack() {
        ServiceDetail dbEnded = new ServiceDetail.Ended(new ExitDescription.Natural(1));
        ServiceDetail apiBlocked = new ServiceDetail.WaitsFor("db", Condition.READY, ServiceState.CRASHED, dbEnded);
        FakeStack stack = new FakeStack(List.of(), List.of());
        stack.set(List.of(
                        service("db", ServiceState.CRASHED, 0, 5432, dbEnded),
                        service("api", ServiceState.BLOCKED, 0, 4012, apiBlocked),
                        service("web", ServiceState.BLOCKED, 0, 4013,
                                new ServiceDetail.WaitsFor("api", Condition.READY, ServiceState.BLOCKED, apiBlocked)),
                        service("cache", ServiceState.STARTING, 0, 6379, new ServiceDetail.None()),
                        service("worker", ServiceState.PENDING, 0, 0, new ServiceDetail.None()),
                        service("docs", ServiceState.READY, 900, 4100, new ServiceDetail.None())),
                List.of(port("db", 5432), port("api", 4012), port("web", 4013), port("cache", 6379), port("docs", 4100)),
                List.of(new UnitDependency("api", "db", Condition.READY),
                        new UnitDependency("web", "api", Condition.READY),
                        new UnitDependency("worker", "cache", Condition.STARTED),
                        new UnitDependency("worker", "db", Condition.COMPLETED)));
        return stack;
    }

    @ParameterizedTest
    @CsvSource({"60, 15", "120, 40", "200, 60"})
    void drawsTheTreeWithWhatEachWaitsForAndHighlightsTheBlockedChain(int columns, int rows) {
        screen = VirtualDashboard.of(stack(), columns, rows);
        screen.awaitRow("SERVICE", "STATE");

        screen.type('g');

        screen.awaitRow("devstack", "graph");
        String chain = screen.awaitRow("blocked: web ← api ← db (db: exit 1)");
        int chainRow = screen.rowOf("blocked: web");
        assertThat(screen.foreground(chainRow, chain.indexOf("blocked"))).isEqualTo(TextColor.ANSI.RED);
        String web = screen.awaitRow(row -> row.startsWith(" web "), "web at the top of its tree");
        assertThat(web).contains("⊘ blocked");
        int webRow = screen.rowOf(web);
        assertThat(screen.foreground(webRow, 1)).isEqualTo(TextColor.ANSI.YELLOW);
        String api = screen.awaitRow("└─ api (ready)", "⊘ blocked");
        int apiRow = screen.rowOf(api);
        assertThat(screen.foreground(apiRow, api.indexOf("api"))).isEqualTo(TextColor.ANSI.YELLOW);
        String db = screen.awaitRow("   └─ db (ready)", "✖ crashed");
        assertThat(screen.foreground(screen.rowOf(db), db.indexOf("db"))).isEqualTo(TextColor.ANSI.RED);
        screen.awaitRow("worker", "○ pending", columns > 60 ? "waits for cache (started), db (completed)"
                : "waits for cache (started)");
        screen.awaitRow("├─ cache (started)", "◌ starting");
        screen.awaitRow("└─ db (completed)", "✖ crashed");
        String docs = screen.awaitRow(row -> row.startsWith(" docs "), "docs, which nothing depends on");
        assertThat(docs).contains("● ready");
        assertThat(screen.foreground(screen.rowOf(docs), 1)).isNotIn(TextColor.ANSI.RED, TextColor.ANSI.YELLOW);
        assertThat(screen.rows().get(rows - 1)).contains("g or Esc back");
        assertThat(screen.rows()).allSatisfy(row -> assertThat(row.length()).isLessThanOrEqualTo(columns));

        screen.press(KeyType.Escape);

        screen.awaitRow("SERVICE", "STATE", "PORT");
        screen.type('g');
        screen.awaitRow("devstack", "graph");
        screen.type('g');
        screen.awaitRow("SERVICE", "STATE", "PORT");
    }

    @Test
    void outsideUtf8TheTreeAndTheChainAreAscii() {
        FakeStack stack = stack();
        screen = new VirtualDashboard(100, 30, stack, stack, stack.finished, List::of, Map.of("TERM", "xterm", "LANG", "C"),
                Clock.fixed(FakeStack.NOW, ZoneOffset.UTC), Optional.empty());
        screen.awaitRow("* ready");

        screen.type('g');

        screen.awaitRow("blocked: web <- api <- db (db: exit 1)");
        screen.awaitRow("`- api (ready)", "/ blocked");
        screen.awaitRow("|- cache (started)");
    }

    @Test
    void aTallGraphScrolls() {
        FakeStack stack = stack();
        List<ServiceSnapshot> services = new ArrayList<>(stack.snapshot().services());
        for (int i = 1; i <= 20; i++) {
            services.add(service("task" + i, ServiceState.EXITED, 0, 0, new ServiceDetail.Completed()));
        }
        stack.set(services, stack.snapshot().ports(), stack.snapshot().dependencies());
        screen = VirtualDashboard.of(stack, 60, 15);
        screen.awaitRow("SERVICE", "STATE");
        screen.type('g');
        screen.awaitRow("blocked: web ← api ← db");

        screen.press(KeyType.End);

        screen.awaitGone("blocked: web ← api ← db");
        screen.awaitRow(row -> row.startsWith(" task20 "), "the last service");
        screen.press(KeyType.Home);
        screen.awaitRow("blocked: web ← api ← db");
    }

    @Test
    void aServiceManyDependOnHasItsDependenciesDrawnOnceSoADeepDiamondStaysShort() {
        List<ServiceSnapshot> services = new ArrayList<>();
        List<UnitDependency> dependencies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            services.add(service("s" + i, ServiceState.READY, 0, 0, new ServiceDetail.None()));
            if (i >= 1) {
                dependencies.add(new UnitDependency("s" + i, "s" + (i - 1), Condition.READY));
            }
            if (i >= 2) {
                dependencies.add(new UnitDependency("s" + i, "s" + (i - 2), Condition.READY));
            }
        }
        FakeStack stack = new FakeStack(services, List.of());
        stack.set(services, List.of(), dependencies);
        screen = VirtualDashboard.of(stack, 120, 40);
        screen.awaitRow("SERVICE", "STATE");
        screen.type('g');
        screen.awaitRow(row -> row.startsWith(" s29 "), "the top of the graph");

        screen.press(KeyType.End);

        screen.awaitRow(row -> row.contains("s0 (ready)"), "the bottom of a graph of some sixty lines");
        screen.awaitRow("(what it waits for: above)");
    }
}
