package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration shown to users — in the README, docs/ and the example files — must load. A
 * block whose first line is a comment naming another file ({@code # base.yaml},
 * {@code # ports.local.yaml}) is that file, written beside the next block, which is ports.yaml.
 */
class DocumentedConfigsTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SIDE_FILE = Pattern.compile("# ([\\w./-]+\\.yaml)\\n.*", Pattern.DOTALL);

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyDocumentedConfigurationLoads() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> documents = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        for (Path document : documents) {
            Matcher blocks = YAML_BLOCK.matcher(Files.readString(document));
            int index = 0;
            Map<String, String> sideFiles = new java.util.LinkedHashMap<>();
            while (blocks.find()) {
                String yaml = blocks.group(1);
                Matcher side = SIDE_FILE.matcher(yaml);
                if (side.matches() && !side.group(1).equals(ConfigLoader.PORTS_YAML)) {
                    sideFiles.put(side.group(1), yaml);
                    continue;
                }
                String name = REPO.relativize(document) + " yaml block " + ++index;
                Map<String, String> beside = Map.copyOf(sideFiles);
                sideFiles.clear();
                tests.add(DynamicTest.dynamicTest(name, () -> assertLoads(name, ConfigLoader.PORTS_YAML, yaml, beside)));
            }
        }
        tests.add(DynamicTest.dynamicTest("ports.yaml.example", () ->
                assertLoads("ports.yaml.example", ConfigLoader.PORTS_YAML, Files.readString(REPO.resolve("ports.yaml.example")),
                        Map.of())));
        tests.add(DynamicTest.dynamicTest("Procfile.example", () ->
                assertLoads("Procfile.example", ConfigLoader.PROCFILE, Files.readString(REPO.resolve("Procfile.example")),
                        Map.of())));
        tests.add(DynamicTest.dynamicTest("examples/shop", () ->
                assertThat(new ConfigLoader(Map.of()).load(REPO.resolve("examples/shop")).services()).hasSize(3)));
        for (String example : List.of("vite-flask", "django", "fastapi-express")) {
            tests.add(DynamicTest.dynamicTest("examples/" + example, () -> assertThat(new ConfigLoader(Map.of())
                    .load(REPO.resolve("examples").resolve(example)).services()).hasSize(2)));
        }
        assertThat(tests).as("yaml blocks found in the docs").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    private void assertLoads(String name, String file, String text, Map<String, String> beside) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "doc");
        Files.writeString(dir.resolve(file), text);
        for (Map.Entry<String, String> side : beside.entrySet()) {
            Files.createDirectories(dir.resolve(side.getKey()).getParent());
            Files.writeString(dir.resolve(side.getKey()), side.getValue());
        }
        Files.writeString(dir.resolve(".env"), "");
        StackConfig config = new ConfigLoader(Map.of("HOME", "/home/dev")).load(dir);
        assertThat(config.services()).as(name).isNotEmpty();
    }
}
