package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSearchTest {

    @TempDir
    Path dir;

    @Test
    void theNearestFolderWithAConfigurationAboveTheStartIsTheProject() throws IOException {
        Path project = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(project.resolve("ports.yaml"), "services:\n  web: { command: ./web }\n");
        Path deep = Files.createDirectories(project.resolve("web/src/components"));

        assertThat(ProjectSearch.from(deep)).isEqualTo(project);
        assertThat(ProjectSearch.from(project)).isEqualTo(project);
        assertThat(ProjectSearch.from(project.resolve("web/../web/src"))).isEqualTo(project);
    }

    @Test
    void aProcfileCountsAndTheNearestWins() throws IOException {
        Files.writeString(dir.resolve("ports.yaml"), "services:\n  web: { command: ./web }\n");
        Path inner = Files.createDirectories(dir.resolve("tools/inner"));
        Files.writeString(dir.resolve("tools/Procfile"), "worker: ./work\n");

        assertThat(ProjectSearch.from(inner)).isEqualTo(dir.resolve("tools"));
    }

    @Test
    void aConfigurationOfAnotherUserAboveTheStartIsNotTaken() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path planted = Files.writeString(shared.resolve("Procfile"), "web: ./steal-your-keys\n");
        Path mine = Files.createDirectories(shared.resolve("mine"));
        int nobody = 65534;
        try {
            Files.setAttribute(planted, "unix:uid", nobody);
        } catch (IOException notRoot) {
            Assumptions.abort("changing a file's owner needs root here: " + notRoot);
        }

        assertThat(ProjectSearch.from(mine)).as("not the other user's Procfile above").isEqualTo(mine);
        assertThat(ProjectSearch.from(shared)).as("in the folder itself, the user chose it").isEqualTo(shared);
    }

    @Test
    void withoutAnyConfigurationTheStartIsTheFolderAndTheErrorOffersAStarter() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing/here"));

        assertThat(ProjectSearch.from(empty)).isEqualTo(empty);
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(ProjectSearch.from(empty)))
                .isInstanceOfSatisfying(DevstackException.class, e -> {
                    assertThat(e.getMessage()).startsWith("no ports.yaml or Procfile in " + empty + " or a folder above"
                            + " it; run devstack in your project (or give it -C DIR), or start one with a ports.yaml such as:");
                    assertThat(e.getMessage()).doesNotContain("ports.yaml.example");
                    assertThat(e.details()).startsWith("services:", "  web:", "    command: python3 -m http.server $PORT");
                });
    }

    @Test
    void theStarterIsAValidConfiguration() throws IOException {
        String yaml = String.join("\n", ConfigLoader.STARTER.subList(0, 3)) + "\n";
        Files.writeString(dir.resolve("ports.yaml"), yaml);

        assertThat(new ConfigLoader(Map.of()).load(dir).services()).extracting(ServiceSpec::name).containsExactly("web");
    }
}
