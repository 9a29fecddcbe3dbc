package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `devstack reload` and `devstack scale` against a real `up --no-tui`: what they print and return,
 * and what the stack's socket says of its services afterwards (pids, ports, which exist).
 */
class ReloadCommandsIT {

    private static final String API = "  api: { command: \"" + service("--print api-up --listen") + "\" }\n";
    private static final String WEB = "  web: { command: \"" + service("--print web-up --listen") + "\", depends_on: [api] }\n";

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    private TestProject project;

    @BeforeEach
    void project() {
        project = new TestProject(projectDir).write("ports.yaml", "services:\n" + API + WEB);
    }

    private DevstackProcess.Result devstack(String... args) {
        return InProcessDevstack.run(projectDir, home, args);
    }

    @Test
    void reloadStartsWhatWasAddedRestartsWhatChangedStopsWhatWasRemovedAndLeavesTheRestRunning() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            ServiceSnapshot api = stack.service("api");
            ServiceSnapshot web = stack.service("web");

            project.write("ports.yaml", "services:\n" + API + WEB + "  worker: { command: \""
                    + service("--print working") + "\", port: none, ready: { log: working } }\n");
            DevstackProcess.Result added = devstack("reload");

            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).isEqualTo("starting worker; 2 unchanged\n");
            stack.await("worker", ServiceState.READY);
            assertThat(stack.service("api").pid()).as("api keeps its process").isEqualTo(api.pid());
            assertThat(stack.service("api").ports()).isEqualTo(api.ports());
            assertThat(stack.service("web").pid()).as("web keeps its process").isEqualTo(web.pid());
            assertThat(stack.service("web").ports()).isEqualTo(web.ports());
            stack.up().awaitOutput("configuration read again (asked by `devstack reload` (pid "
                    + ProcessHandle.current().pid() + "))", BackgroundUp.WAIT);

            project.write("ports.yaml", "services:\n" + API.replace("api-up", "api-v2") + WEB);
            DevstackProcess.Result changed = devstack("reload");

            assertThat(changed.exitCode()).as(changed.err()).isZero();
            assertThat(changed.out()).isEqualTo("stopping worker; restarting api; 1 unchanged\n");
            ServiceSnapshot restarted = Await.value(BackgroundUp.WAIT, "api ready with a new pid", () -> {
                ServiceSnapshot now = stack.service("api");
                return now.state() == ServiceState.READY && !now.pid().equals(api.pid()) ? now : null;
            });
            assertThat(restarted.ports()).as("the same port").isEqualTo(api.ports());
            assertThat(Processes.alive(api.pid().orElseThrow())).isFalse();
            Await.until(BackgroundUp.WAIT, "worker to leave the stack", () -> stack.now().orElseThrow().service("worker")
                    .isEmpty());
            stack.up().awaitOutput("api-v2", BackgroundUp.WAIT);

            project.write("ports.yaml", "services:\n" + API.replace("api-up", "api-v2"));
            DevstackProcess.Result removed = devstack("reload");

            assertThat(removed.exitCode()).as(removed.err()).isZero();
            assertThat(removed.out()).isEqualTo("stopping web; 1 unchanged\n");
            Await.until(BackgroundUp.WAIT, "web's process to end", () -> !Processes.alive(web.pid().orElseThrow()));
            Await.until(BackgroundUp.WAIT, "web to leave the stack", () -> stack.now().orElseThrow().service("web")
                    .isEmpty());
            assertThat(stack.service("api").pid()).isEqualTo(restarted.pid());
        }
    }

    @Test
    void aBrokenFileIsReportedWithEveryPlaceAndChangesNothing() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            long api = stack.service("api").pid().orElseThrow();
            long web = stack.service("web").pid().orElseThrow();
            project.write("ports.yaml", "services:\n" + API + WEB + "  worker: { comand: x }\n");

            DevstackProcess.Result reload = devstack("reload");

            assertThat(reload.exitCode()).isEqualTo(2);
            assertThat(reload.out()).isEmpty();
            assertThat(reload.err()).isEqualTo("""
                    devstack: the configuration has 2 problems; nothing changed
                      ports.yaml:4:3: service `worker` has no `command`
                      ports.yaml:4:13: unknown key `comand` in service `worker`; did you mean `command`?
                    """);
            stack.up().awaitOutput("configuration not applied (asked by `devstack reload`", BackgroundUp.WAIT);
            assertThat(stack.now().orElseThrow().services()).extracting(ServiceSnapshot::name).containsExactly("api", "web");
            assertThat(stack.service("api").pid()).hasValue(api);
            assertThat(stack.service("web").pid()).hasValue(web);
        }
    }

    @Test
    void scaleStartsAndStopsReplicas() {
        try (BackgroundUp stack = BackgroundUp.start(projectDir, home)) {
            long api = stack.service("api").pid().orElseThrow();

            DevstackProcess.Result up = devstack("scale", "web", "3");

            assertThat(up.exitCode()).as(up.err()).isZero();
            assertThat(up.out()).isEqualTo("starting web.0, web.1, web.2; stopping web; 1 unchanged\n");
            for (String replica : List.of("web.0", "web.1", "web.2")) {
                stack.await(replica, ServiceState.READY);
            }
            Await.until(BackgroundUp.WAIT, "web to leave the stack", () -> stack.now().orElseThrow().service("web")
                    .isEmpty());
            long last = stack.service("web.2").pid().orElseThrow();
            long first = stack.service("web.0").pid().orElseThrow();

            DevstackProcess.Result down = devstack("scale", "web", "2");

            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(down.out()).isEqualTo("stopping web.2; 3 unchanged\n");
            Await.until(BackgroundUp.WAIT, "web.2's process to end", () -> !Processes.alive(last));
            Await.until(BackgroundUp.WAIT, "web.2 to leave the stack", () -> stack.now().orElseThrow().service("web.2")
                    .isEmpty());
            assertThat(stack.service("web.0").pid()).hasValue(first);
            assertThat(stack.service("api").pid()).as("api untouched").hasValue(api);

            DevstackProcess.Result nope = devstack("scale", "nope", "2");

            assertThat(nope.exitCode()).isEqualTo(1);
            assertThat(nope.err()).isEqualTo("devstack: this stack runs no service `nope` (services: api, web)\n");
        }
    }

    @Test
    void scaleWithoutANumberIsAUsageError() {
        DevstackProcess.Result missing = devstack("scale", "web");
        DevstackProcess.Result word = devstack("scale", "web", "many");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("devstack: Missing required parameter: 'N'\n");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).startsWith("devstack: N must be a number of replicas (1-100), not `many`\n");
    }

    @Test
    void withoutARunningStackBothSaySoWithExitSeven() {
        for (List<String> command : List.of(List.of("reload"), List.of("scale", "web", "2"))) {
            DevstackProcess.Result result = devstack(command.toArray(String[]::new));

            assertThat(result.exitCode()).as("%s", command).isEqualTo(7);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("devstack: no stack runs for " + projectDir
                    + " (nothing answers on its control socket); start one with `devstack up`\n");
        }
    }
}
