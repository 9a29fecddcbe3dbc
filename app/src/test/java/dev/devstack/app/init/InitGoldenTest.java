package dev.devstack.app.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of `devstack init`: each folder under src/test/resources/init/ is a project with one
 * kind of source (or several, or a broken one); init runs on a copy of it, and the file it writes
 * and what it says must be byte for byte {@code expected-ports.yaml} and {@code expected-findings.txt}
 * beside it; the file must then load as a valid configuration. After a deliberate change, write the
 * goldens anew and read the diff before committing it:
 * {@code mvn -o -q test -pl app -am -Djacoco.skip=true -Dtest=InitGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Ddevstack.updateGoldens=true}
 */
class InitGoldenTest {

    /** Read from the sources rather than the class path, so that an update writes where git sees it (surefire runs in the module's folder). */
    private static final Path FIXTURES = Path.of("src", "test", "resources", "init");
    private static final String EXPECTED_YAML = "expected-ports.yaml";
    private static final String EXPECTED_FINDINGS = "expected-findings.txt";
    private static final boolean UPDATE = Boolean.getBoolean("devstack.updateGoldens");

    @TempDir
    Path project;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void initWritesTheGoldenFileAndItLoads(String name) throws IOException {
        Path fixture = FIXTURES.resolve(name);
        copy(fixture, project);

        InitProposal proposal = ProjectInit.propose(project);
        String findings = proposal.findings().stream()
                .map(f -> (f.problem() ? "warning: " : "") + f.source() + ": " + f.text() + "\n")
                .collect(Collectors.joining());
        compare(fixture.resolve(EXPECTED_FINDINGS), findings);
        if (proposal.isEmpty()) {
            assertThat(fixture.resolve(EXPECTED_YAML)).as("a case where init finds nothing has no golden file")
                    .doesNotExist();
            return;
        }
        String text = PortsYamlText.of(proposal);
        compare(fixture.resolve(EXPECTED_YAML), text);

        Path written = project.resolve(ConfigLoader.PORTS_YAML);
        PortsYamlFile.write(written, text, false);
        assertThat(Files.readString(written)).isEqualTo(text);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        StackConfig config = load(project);
        assertThat(config.services().stream().map(ServiceSpec::name).toList())
                .isEqualTo(proposal.services().stream().map(ServiceDraft::name).toList());
    }

    private static StackConfig load(Path project) {
        try {
            return new ConfigLoader(Map.of()).load(project);
        } catch (DevstackException e) {
            throw new AssertionError("the written ports.yaml does not load: " + e.getMessage() + "\n  "
                    + String.join("\n  ", e.details()), e);
        }
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file; write it with -Ddevstack.updateGoldens=true").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** The fixture's files, without its goldens, keeping the folders below it. */
    private static void copy(Path fixture, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixture)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("expected-"))
                    .toList();
        }
        for (Path file : files) {
            Path copy = target.resolve(fixture.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
    }
}
