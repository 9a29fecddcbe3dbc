package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of configuration loading with Jazzer (libFuzzer). An input is one byte
 * that says which file it is (ports.yaml, Procfile or .env), then that file's bytes; it must load,
 * or be refused with problems that each name file and line, within a second of CPU time
 * ({@link LoadOutcome}); a .env is loaded beside a Procfile, as a .env alone makes no project. A
 * normal run of the integration tests replays the saved inputs in
 * {@code src/test/resources/dev/devstack/supervisor/config/ConfigLoadingFuzzITInputs/}: the
 * examples of this repository, and every input that once broke the rule. To fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl supervisor verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ConfigLoadingFuzzIT}; an input that breaks the rule is saved there, to be kept once
 * fixed. {@link ConfigFuzzIT} does the same with a fixed seed and a mutator of our own, so every
 * run damages thousands of files the same way. Both are integration tests: Jazzer's start alone
 * takes about ten seconds, and thousands of loads are a stress run, not a unit test.
 */
class ConfigLoadingFuzzIT {

    private static final List<String> FILES = List.of(ConfigLoader.PORTS_YAML, ConfigLoader.PROCFILE,
            ConfigLoader.DEFAULT_ENV_FILE);

    @TempDir
    static Path project;

    @FuzzTest(maxDuration = "2m")
    void anyFileLoadsOrIsRefusedWithLocatedProblems(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        String file = FILES.get(Byte.toUnsignedInt(input[0]) % FILES.size());
        for (String name : FILES) {
            Files.deleteIfExists(project.resolve(name));
        }
        if (file.equals(ConfigLoader.DEFAULT_ENV_FILE)) {
            Files.writeString(project.resolve(ConfigLoader.PROCFILE), "web: ./web\n");
        }
        Files.write(project.resolve(file), Arrays.copyOfRange(input, 1, input.length));

        LoadOutcome outcome = LoadOutcome.of(project);

        assertThat(outcome.violation()).as("%s: %s", file, outcome.summary()).isEmpty();
    }
}
