package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--env NAME` (or DEVSTACK_ENV) runs the project with one of its `environments:` laid over it,
 * as a copy of its own beside the default; `--set` overrides a value for one command; `config`
 * prints the merged result, which is itself a valid ports.yaml.
 */
class EnvironmentsIT {

    @TempDir
    Path home;
    @TempDir
    Path projectDir;
    @TempDir
    Path elsewhere;

    @BeforeEach
    void project() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api:
                    command: "%s"
                    env: { DB: dev.sqlite }
                environments:
                  test:
                    services:
                      api: { env: { DB: test.sqlite } }
                """.formatted(service("--dump env-$DEVSTACK_INSTANCE.json --listen")));
    }

    private JsonNode status(String... options) throws IOException {
        String[] args = new String[options.length + 2];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "status";
        args[options.length + 1] = "--json";
        DevstackProcess.Result status = InProcessDevstack.run(projectDir, home, args);
        assertThat(status.exitCode()).as(status.err()).isZero();
        return new ObjectMapper().readTree(status.out());
    }

    private static int port(JsonNode snapshot) {
        return snapshot.path("services").get(0).path("ports").get(0).asInt();
    }

    private Map<String, String> dumped(String instance) throws IOException {
        return new ObjectMapper().readValue(Files.readString(projectDir.resolve("env-" + instance + ".json")),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
    }

    @Test
    void anEnvironmentRunsBesideTheDefaultWithItsOwnValuesStickyPortAndName() throws IOException {
        try (DetachedStack main = new DetachedStack(projectDir, home);
             DetachedStack test = DetachedStack.inEnvironment(projectDir, home, "test")) {
            assertThat(main.up().exitCode()).isZero();
            DevstackProcess.Result second = test.up();
            assertThat(second.exitCode()).as(second.err()).isZero();

            JsonNode ofTest = status("--env", "test");
            assertThat(ofTest.path("instance").asText()).isEqualTo("default+test");
            int testPort = port(ofTest);
            assertThat(testPort).isNotEqualTo(port(status()));
            assertThat(dumped("default")).containsEntry("DB", "dev.sqlite").doesNotContainKey("DEVSTACK_ENV");
            assertThat(dumped("default+test")).containsEntry("DB", "test.sqlite").containsEntry("DEVSTACK_ENV", "test");

            assertThat(InProcessDevstack.run(projectDir, home, "--env", "test", "down").exitCode()).isZero();
            assertThat(InProcessDevstack.run(projectDir, home, "status", "--env", "test").exitCode())
                    .isEqualTo(ExitCodes.NOT_RUNNING);
            assertThat(test.up().exitCode()).isZero();
            assertThat(port(status("--env", "test"))).as("sticky for its environment").isEqualTo(testPort);
            assertThat(InProcessDevstack.run(projectDir, home, "down", "--env", "test").exitCode()).isZero();
            assertThat(InProcessDevstack.run(projectDir, home, "down").exitCode()).isZero();
        }
    }

    @Test
    void setOverridesAValueForTheStackItStarts() throws IOException {
        try (DetachedStack main = new DetachedStack(projectDir, home)) {
            DevstackProcess.Result up = main.up("--set", "api.env.DB=other.sqlite");
            assertThat(up.exitCode()).as(up.err()).isZero();

            assertThat(dumped("default")).containsEntry("DB", "other.sqlite");
            assertThat(InProcessDevstack.run(projectDir, home, "down").exitCode()).isZero();
        }
    }

    @Test
    void anUnknownEnvironmentOrABadSetIsExitCodeTwoAndStartsNothing() {
        DevstackProcess.Result env = InProcessDevstack.run(projectDir, home, "--env", "tset", "up", "--no-tui");
        assertThat(env.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(env.err()).contains("--env tset: no environment `tset` in ports.yaml; did you mean `test`?");

        DevstackProcess.Result set = InProcessDevstack.run(projectDir, home, "up", "--no-tui", "--set", "api.prot=1");
        assertThat(set.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(set.err()).contains("--set api.prot=1: unknown key `prot` in service `api`; did you mean `port`?");
        assertThat(projectDir.resolve(".devstack/run.json")).doesNotExist();

        DevstackProcess.Result reload = InProcessDevstack.run(projectDir, home, "reload", "--set", "api.env.DB=x");
        assertThat(reload.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reload.err()).contains("--set api.env.DB=x: `devstack reload` does not read the configuration, so"
                + " --set would change nothing; it counts for up, check, config, ports and wait");
        DevstackProcess.Result status = InProcessDevstack.run(projectDir, home, "--set", "api.port=9000", "status");
        assertThat(status.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).contains("--set api.port=9000: `devstack status` does not read the configuration");
    }

    @Test
    void configPrintsTheMergedConfigurationWithOriginsAsAValidPortsYaml() throws IOException {
        DevstackProcess.Result config = InProcessDevstack.run(projectDir, home, "--env", "test", "config",
                "--set", "api.port=31999");

        assertThat(config.exitCode()).as(config.err()).isZero();
        assertThat(config.out()).contains("# ports.yaml, environment test:")
                .containsPattern("DB: test\\.sqlite +# ports\\.yaml:8:25 \\(environment test\\)")
                .containsPattern("port: 31999 +# --set api\\.port=31999")
                .containsPattern("stop_signal: TERM +# default");
        new TestProject(elsewhere).write("ports.yaml", config.out());
        StackConfig reread = new ConfigLoader(Map.of()).load(elsewhere);
        assertThat(reread.service("api").orElseThrow().port().preferred()).containsExactly(31999);
        assertThat(reread.service("api").orElseThrow().env().get("DB").source()).isEqualTo("test.sqlite");
    }
}
