package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not what they should be are refused with the place to look at. */
class MalformedFilesTest {

    @TempDir
    Path dir;

    private ProjectFolder folder() {
        return new ProjectFolder(dir);
    }

    @Test
    void aQuoteNeverClosedIsReportedWhereItOpens() {
        assertThat(folder().write("ports.yaml", """
                services:
                  db: { command: ./db }
                  web: { command: "./web --port $PORT }
                  api: { command: ./api }
                """).problems()).containsExactly(
                "ports.yaml:3:19: malformed YAML: a quoted text starts here and is never closed (noticed at line 5)");
        assertThat(folder().write("ports.yaml", "services: {\n  a: { command: ./a }\n").problems()).containsExactly(
                "ports.yaml:1:11: malformed YAML: a mapping in { } starts here and is never closed (noticed at line 3)");
    }

    @Test
    void aSyntaxErrorOnTheLineItStartsIsReportedWhereItWasNoticed() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: \"./a \\q\" }\n").problems())
                .containsExactly("ports.yaml:2:23: malformed YAML: found unknown escape character q(113)"
                        + " (while scanning a double-quoted scalar)");
    }

    @Test
    void aSecondDocumentIsAProblemNotIgnored() {
        assertThat(folder().write("ports.yaml", """
                services:
                  a: { command: ./a }
                ---
                services:
                  b: { command: ./b }
                """).problems()).containsExactly("ports.yaml:3:1: a second YAML document starts here; ports.yaml holds"
                + " one: remove this `---` and what follows it, or merge the two");
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a }\n...\n").load().services()).hasSize(1);
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a }\n...\n--- # more\nproject: x\n")
                .problems()).singleElement().asString().startsWith("ports.yaml:4:1: a second YAML document starts here");
    }

    @Test
    void bytesThatAreNotUtf8AreFoundByLineAndColumnInEveryFile() {
        byte[] yaml = "services:\n  a: { command: \"./a é\u00ff\" }\n".getBytes(StandardCharsets.UTF_8);
        yaml[yaml.length - 6] = (byte) 0xFF;
        yaml[yaml.length - 5] = (byte) '!';
        assertThat(folder().write("ports.yaml", yaml).problems())
                .containsExactly("ports.yaml:2:23: byte 0xFF is not UTF-8 text; save the file as UTF-8");

        folder().write("ports.yaml", "services:\n  a: { command: ./a }\nenv_file: config/dev.env\n")
                .write("config/dev.env", latin1("A=1\nNAME=José\n"));
        assertThat(folder().problems()).containsExactly("config/dev.env:2:9: byte 0xE9 is not UTF-8 text;"
                + " save the file as UTF-8");
    }

    @Test
    void aProcfileAndItsEnvFileAreCheckedForUtf8AndNulBytes() {
        assertThat(folder().write("Procfile", latin1("web: ./web\r\nworker: ./w --name=Zoë\n")).problems())
                .containsExactly("Procfile:2:22: byte 0xEB is not UTF-8 text; save the file as UTF-8");
        assertThat(folder().write("Procfile", "web: ./web\n").write(".env", latin1("A=1\n\nB=ü\n")).problems())
                .containsExactly(".env:3:3: byte 0xFC is not UTF-8 text; save the file as UTF-8");
        assertThat(folder().write(".env", "A=1\nB=x\0y\n").problems()).containsExactly(
                ".env:2:4: a NUL byte, which text never holds: is this a binary file? Save it as UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() {
        assertThat(folder().write("Procfile", "\uFEFFweb: ./web\n").write(".env", "\uFEFFA=1\n").load().services())
                .extracting(ServiceSpec::name).containsExactly("web");
        assertThat(folder().write("Procfile", latin1("\u00EF\u00BB\u00BFweb: ./web \u00FF\n")).problems())
                .containsExactly("Procfile:1:12: byte 0xFF is not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void controlCharactersAndEscapedNulsAreRefusedWhereTheyAre() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a \u001b[2J }\n").problems())
                .containsExactly("ports.yaml:2:21: the character U+001B is not allowed in YAML; remove it, or write it"
                        + " as \"\\u001B\" in a double-quoted text");
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: \"./a\\0\", cwd: \"x\\0\" }\n").problems())
                .contains("ports.yaml:2:17: this text holds the NUL character (\\0), which no command, path or variable"
                        + " can hold; remove it", "ports.yaml:2:31: `cwd` is not a valid path: Nul character not allowed");
    }

    @Test
    void aProjectNameThatWouldDriveTheTerminalIsRefused() {
        assertThat(folder().write("ports.yaml", "project: \"shop\\e]0;owned\\a\"\nservices:\n  a: { command: ./a }\n")
                .problems()).containsExactly("ports.yaml:1:10: `project` holds the character U+001B, which would be sent"
                + " to the terminal as it is; use plain text");
        assertThat(folder().write("ports.yaml", "project: \"shop \\u202E\"\nservices:\n  a: { command: ./a }\n")
                .problems()).singleElement().asString().contains("U+202E");
    }

    @Test
    void nestingPastTheLimitIsAProblemAtItsPlaceEvenOnASmallStack() throws InterruptedException {
        String deep = "services:\n  a: { command: ./a }\nx-deep: " + "[".repeat(999) + "]".repeat(999) + "\n";
        folder().write("ports.yaml", deep);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(folder().problems());
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join(30_000);

        assertThat(outcome.get()).as("the top-level mapping is the first level")
                .isEqualTo(List.of("ports.yaml:3:" + (8 + YamlTreeReader.MAX_DEPTH)
                + ": nesting goes deeper than 100 levels here; a configuration needs a few: is a bracket not closed,"
                + " or is something pasted in the wrong place?"));
        StringBuilder block = new StringBuilder("services:\n  a: { command: ./a }\nx-deep:\n");
        for (int level = 1; level <= 150; level++) {
            block.append(" ".repeat(level)).append("- \n");
        }
        assertThat(folder().write("ports.yaml", block.toString()).problems()).singleElement().asString()
                .startsWith("ports.yaml:103:101: nesting goes deeper than 100 levels here");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWhereItPassesIt() {
        String line = "# " + "x".repeat(1021) + "\n";
        String text = "services:\n  a: { command: ./a }\n" + line.repeat(1100);
        int lineOfLimit = 2 + (TextFile.MAX_BYTES - 30) / line.length() + 1;

        assertThat(folder().write("ports.yaml", text).problems()).singleElement().asString()
                .startsWith("ports.yaml:" + lineOfLimit + ":")
                .endsWith(": the file goes on past 1 MiB here; devstack reads configuration files of up to 1 MiB:"
                        + " is this the right file?");
    }

    @Test
    void everyProblemOfAProcfileProjectHasALine() {
        assertThat(folder().write("Procfile", "# nothing yet\n").problems())
                .containsExactly("Procfile:1:1: no services: add lines like `web: python3 -m http.server $PORT`");
        assertThat(folder().write("Procfile", "web: ./web\n").write(".env", "A=1\nPORT=http\n").problems())
                .containsExactly(".env:2: PORT=http is not a port number of 1024-65535; as in Foreman, it is the first"
                        + " service's preferred port");
        assertThat(folder().write("ports.yaml", "# only a comment\n").problems()).containsExactly("ports.yaml:1:1: the"
                + " file has nothing but blank lines and comments; it needs at least a `services:` mapping");
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
