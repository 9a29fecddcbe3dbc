package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `devstack init` through the real command line: what it writes, what it says, and what it refuses to replace. */
class InitIT {

    private static final Path FIXTURES = Path.of("..", "app", "src", "test", "resources", "init");
    private static final String PROCFILE = "web: python3 -m http.server $PORT --bind 127.0.0.1\nworker: python3 worker.py\n";

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @Test
    void writesAPrivatePortsYamlFromTheProcfileThatCheckAccepts() throws Exception {
        new TestProject(projectDir).write("Procfile", PROCFILE).write(".env", "PORT=5000\n");

        DevstackProcess.Result init = InProcessDevstack.run(projectDir, home, "init");

        assertThat(init.exitCode()).as(init.err()).isZero();
        Path file = projectDir.resolve("ports.yaml");
        assertThat(init.out()).contains("wrote " + file).contains("2 services from Procfile, .env");
        assertThat(init.err()).contains("Procfile:1: process web, port 5000").contains("Procfile:2: process worker");
        assertThat(Files.readString(file)).startsWith("# Written by `devstack init` from Procfile, .env.")
                .contains("  web:\n    command: python3 -m http.server $PORT --bind 127.0.0.1\n    port: 5000\n")
                .contains("  worker:\n    command: python3 worker.py\n    port: 5100\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        DevstackProcess.Result check = InProcessDevstack.run(projectDir, home, "check");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("ports.yaml is valid: 2 services");
    }

    /** The golden folders of app's InitGoldenTest: what init writes for each passes `devstack check`. */
    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("empty")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void whatInitWritesForEachKindOfProjectPassesCheck(String fixture) throws IOException {
        Path source = FIXTURES.resolve(fixture);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("expected-")).toList()) {
                Path copy = projectDir.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }

        DevstackProcess.Result init = InProcessDevstack.run(projectDir, home, "init");
        DevstackProcess.Result check = InProcessDevstack.run(projectDir, home, "check");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("ports.yaml is valid");
    }

    @Test
    void refusesToReplaceAnExistingPortsYamlWithoutForceAndReplacesItWithForce() throws Exception {
        String mine = "services:\n  api: { command: ./api }\n";
        new TestProject(projectDir).write("Procfile", PROCFILE).write("ports.yaml", mine);
        Path file = projectDir.resolve("ports.yaml");

        DevstackProcess.Result refused = InProcessDevstack.run(projectDir, home, "init");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains(file + " exists").contains("--force").doesNotContain("Exception");
        assertThat(refused.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(mine);

        DevstackProcess.Result forced = InProcessDevstack.run(projectDir, home, "init", "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("Procfile:1");
        assertThat(Files.readString(file)).startsWith("# Written by `devstack init` from Procfile.")
                .contains("  worker:\n").doesNotContain("./api");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void dryRunPrintsTheFileAndWritesNothing() {
        new TestProject(projectDir).write("Procfile", PROCFILE).write("ports.yaml", "services:\n  api: { command: x }\n");

        DevstackProcess.Result dryRun = InProcessDevstack.run(projectDir, home, "init", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).startsWith("# Written by `devstack init` from Procfile.").contains("  web:\n");
        assertThat(dryRun.err()).contains("Procfile:1: process web");
        assertThat(projectDir.resolve("ports.yaml")).hasContent("services:\n  api: { command: x }");
    }

    @Test
    void aBrokenPackageJsonIsNamedWithItsLineAndTheOtherSourcesAreStillRead() {
        new TestProject(projectDir).write("Procfile", PROCFILE)
                .write("package.json", "{\n  \"scripts\": {\n    \"dev\": \"vite\",\n  }\n}\n");

        DevstackProcess.Result init = InProcessDevstack.run(projectDir, home, "init", "--dry-run");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.err()).contains("devstack: warning: package.json:4:3: not valid JSON")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(init.out()).contains("  web:\n").contains("  worker:\n");
    }

    @Test
    void aFolderWithNothingToReadSaysWhatInitLookedForAndShowsAStarter() {
        new TestProject(projectDir).write("README.md", "# nothing to run\n");

        DevstackProcess.Result init = InProcessDevstack.run(projectDir, home, "init");

        assertThat(init.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(init.err()).contains("found nothing in " + projectDir).contains("Procfile (and .env)")
                .contains("package.json scripts").contains("command: python3 -m http.server $PORT");
        assertThat(projectDir.resolve("ports.yaml")).doesNotExist();
    }
}
