package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/json.md are valid documents of the schema their section names, so the docs cannot drift from it. */
class JsonDocsTest {

    private static final Path DOCS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs");

    /** The section (its heading, up to the version) and the schema its examples follow, in the order they appear. */
    private static final List<Map.Entry<String, List<String>>> SECTIONS = List.of(
            Map.entry("## `devstack ports --json`", List.of("ports.schema.json")),
            Map.entry("## `devstack ports --all --json`", List.of("ports-all.schema.json")),
            Map.entry("## `devstack who PORT --json`", List.of("who.schema.json")),
            Map.entry("## `devstack web --json`", List.of("web.schema.json")),
            Map.entry("## `devstack config --json`", List.of("config.schema.json")),
            Map.entry("## `devstack history --json`", List.of("history.schema.json")),
            Map.entry("## `.devstack/run.json`", List.of("run.schema.json")),
            Map.entry("## A stack snapshot and a stack event", List.of("stack-snapshot.schema.json",
                    "stack-event.schema.json")));

    @Test
    void everyExampleIsValidAgainstItsSectionsSchema() throws IOException {
        List<String> lines = Files.readAllLines(DOCS.resolve("json.md"));
        List<String> checked = new ArrayList<>();
        List<String> schemas = List.of();
        int example = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                schemas = SECTIONS.stream().filter(s -> line.startsWith(s.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(List.of());
                example = 0;
            } else if (line.equals("```json")) {
                StringBuilder block = new StringBuilder();
                while (!lines.get(++i).equals("```")) {
                    block.append(lines.get(i)).append('\n');
                }
                assertThat(schemas).as("the section of the example at line " + (i + 1) + " has a schema").isNotEmpty();
                String schema = schemas.get(Math.min(example++, schemas.size() - 1));
                assertThat(errors(schema, new ObjectMapper().readTree(block.toString())))
                        .as("the example ending at docs/json.md:" + (i + 1) + " against " + schema).isEmpty();
                checked.add(schema);
            }
        }
        assertThat(checked).as("one example per schema").containsExactlyInAnyOrder("ports.schema.json",
                "ports-all.schema.json", "who.schema.json", "web.schema.json", "config.schema.json", "history.schema.json", "run.schema.json",
                "stack-snapshot.schema.json", "stack-event.schema.json");
    }

    private static List<Error> errors(String schemaFile, JsonNode document) throws IOException {
        try (InputStream schema = Files.newInputStream(DOCS.resolve("schema").resolve(schemaFile))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(document);
        }
    }
}
