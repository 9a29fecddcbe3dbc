package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/tui.md lists every key the help overlay lists, of `up` and of `attach`, with the same words. */
class DocumentedKeysTest {

    private static final Path DOC = Path.of("").toAbsolutePath().getParent().resolve("docs/tui.md");

    @Test
    void everyKeyIsInTheKeyTableOfTheDocs() throws Exception {
        String doc = Files.readString(DOC);

        for (DashboardMode mode : DashboardMode.values()) {
            for (KeyHelp.Entry entry : KeyHelp.entries(mode)) {
                String keys = "`" + String.join("` `", entry.keys().split(" +")) + "`";
                assertThat(doc).as("docs/tui.md").contains("| " + keys + " | " + entry.does() + " |");
            }
        }
    }
}
