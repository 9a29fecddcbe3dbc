package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `devstack pools` on a team registry: the pools a file sets are shown, a claim outside the user's
 * pool is refused with the reason (exit 3), a claim without a port gets one in the pool, and `up`
 * of a project that has a pool (by its folder's name) takes its ports there, a preferred port outside it
 * included, while a service that insists on a port outside its user's pool is refused. The embedded
 * registry has none.
 */
class TeamPoolsIT {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path folder;
    @TempDir
    Path projects;

    @Test
    void poolsAreSetShownAndFollowedByClaimsAndByUp() throws Exception {
        try (EtcdServer etcd = EtcdServer.running(Files.createDirectories(folder.resolve("etcd")))) {
            TeamDevstack user = TeamDevstack.create(folder, List.of(etcd.endpoint()), "pools", "alpha");
            Path pools = Files.writeString(folder.resolve("pools.yaml"), """
                    users:
                      %s: 41000-41099
                    projects:
                      shop: 42000-42009
                    """.formatted(USER));
            Path shop = Files.createDirectories(projects.resolve("shop"));

            DevstackProcess.Result replaced = user.run(shop, "pools", "--replace", pools.toString());
            DevstackProcess.Result shown = user.run(shop, "pools");

            assertThat(replaced.exitCode()).as("exit code; stderr: %s", replaced.err()).isZero();
            assertThat(shown.exitCode()).as("exit code; stderr: %s", shown.err()).isZero();
            assertThat(shown.out()).containsPattern("user +" + USER + " +41000-41099")
                    .containsPattern("project +shop +42000-42009");

            DevstackProcess.Result outside = user.run(shop, "claim", "--name", "db", "--port", "40999");
            DevstackProcess.Result inside = user.run(shop, "claim", "--name", "db");

            assertThat(outside.exitCode()).as("exit code; stderr: %s", outside.err()).isEqualTo(3);
            assertThat(outside.err()).contains("port 40999").contains("outside the pool of user " + USER + " (41000-41099)");
            assertThat(inside.exitCode()).as("exit code; stderr: %s", inside.err()).isZero();
            assertThat(Integer.parseInt(inside.out().strip())).isBetween(41000, 41099);

            new TestProject(shop).write("ports.yaml", """
                    services:
                      api: { command: "%s" }
                      web: { command: "%s", port: 3000 }
                    """.formatted(service("--listen"), service("--listen")));
            try (BackgroundUp up = BackgroundUp.start(shop, user.home(), user.environment())) {
                for (String name : List.of("api", "web")) {
                    ServiceSnapshot service = up.service(name);
                    assertThat(service.ports()).as("ports of %s", name).singleElement()
                            .satisfies(port -> assertThat(port).isBetween(42000, 42009));
                }
            }

            Path blog = Files.createDirectories(projects.resolve("blog"));
            new TestProject(blog).write("ports.yaml", """
                    services:
                      db: { command: "%s", port: 40998, strict: true }
                    """.formatted(service("--listen")));
            DevstackProcess.Result insisting = user.run(blog, "up", "--no-tui");

            assertThat(insisting.exitCode()).as("exit code; stderr: %s", insisting.err()).isEqualTo(3);
            assertThat(insisting.err()).contains("port 40998 for db of " + blog)
                    .contains("outside the pool of user " + USER + " (41000-41099)");
        }
    }

    @Test
    void theEmbeddedRegistryHasNoPools() {
        TeamDevstack user = TeamDevstack.create(folder, "local", "alpha", "");

        DevstackProcess.Result shown = user.run(projects, "pools");

        assertThat(shown.exitCode()).as("exit code; stderr: %s", shown.err()).isEqualTo(2);
        assertThat(shown.err()).contains("pools belong to a team registry");
    }
}
