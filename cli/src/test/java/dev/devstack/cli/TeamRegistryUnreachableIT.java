package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's configuration names a team registry where no etcd listens: `up` starts nothing and
 * exits with 5, naming the endpoint, the file that named it and `--registry local`, which then works.
 */
class TeamRegistryUnreachableIT {

    @TempDir
    Path folder;
    @TempDir
    Path projectDir;

    @Test
    void upRefusesWithExitFiveNamingTheEndpointsAndLocalThenWorks() {
        int nobody = FreePorts.next();
        TeamDevstack user = TeamDevstack.create(folder, "", "alpha",
                "registry: etcd://127.0.0.1:" + nobody + "/team\nttl: 2s\n");
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                """.formatted(service("--dump started.json --listen")));

        DevstackProcess.Result up = user.run(projectDir, "up", "--no-tui");

        assertThat(up.exitCode()).as("exit code; stderr: %s", up.err()).isEqualTo(5);
        assertThat(up.err()).contains("cannot reach the team registry etcd://127.0.0.1:" + nobody + " (namespace team)")
                .contains("from " + user.configFile()).contains("--registry local");
        assertThat(projectDir.resolve("started.json")).as("the service was never started").doesNotExist();

        DevstackProcess.Result claim = user.run(projectDir, "--registry", "local", "claim", "--name", "db");

        assertThat(claim.exitCode()).as("exit code; stderr: %s", claim.err()).isZero();
        assertThat(claim.out().strip()).matches("\\d+");
        assertThat(user.run(projectDir, "--registry", "local", "ports", "--all").out())
                .contains(claim.out().strip()).contains("claim \"db\"");
    }
}
