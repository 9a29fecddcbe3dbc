package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every input that once broke configuration loading (found by hand or by
 * {@link ConfigFuzzIT}), kept in {@code src/test/resources/config-corpus/} as
 * {@code NAME.ports.yaml}, {@code NAME.Procfile} or {@code NAME.env}. Each must keep the rule of
 * {@link LoadOutcome}, and its first line, {@code # expect: TEXT}, says how the first problem line
 * starts ({@code loads} when it must load). A .env is loaded beside a one-line Procfile.
 */
class ConfigCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/config-corpus");
    private static final String EXPECT = "# expect: ";
    private static final Map<String, String> FILES = Map.of(".ports.yaml", ConfigLoader.PORTS_YAML,
            ".Procfile", ConfigLoader.PROCFILE, ".env", ".env");

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyInputThatBrokeLoadingOnceIsRefusedWhereItIsWrong() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(CORPUS)) {
            inputs = files.sorted().toList();
        }
        assertThat(inputs).as("the corpus").hasSizeGreaterThanOrEqualTo(10);
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> replay(input)));
    }

    private void replay(Path input) throws IOException {
        String name = input.getFileName().toString();
        String file = FILES.entrySet().stream().filter(e -> name.endsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError(name + " must end in .ports.yaml, .Procfile or .env"));
        byte[] bytes = Files.readAllBytes(input);
        String first = new String(bytes, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        assertThat(first).as("the first line of " + name).startsWith(EXPECT);
        Path project = Files.createDirectory(scratch.resolve(name));
        Files.write(project.resolve(file), bytes);
        if (file.equals(".env")) {
            Files.writeString(project.resolve(ConfigLoader.PROCFILE), "web: ./web\n");
        }

        LoadOutcome outcome = LoadOutcome.of(project);

        assertThat(outcome.violation()).as(outcome.summary()).isEmpty();
        assertThat(outcome.summary()).startsWith(first.substring(EXPECT.length()));
    }
}
