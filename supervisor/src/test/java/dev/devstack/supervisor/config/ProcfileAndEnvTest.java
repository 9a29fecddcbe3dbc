package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcfileAndEnvTest {

    @TempDir
    Path dir;

    private ProjectFolder folder() {
        return new ProjectFolder(dir);
    }

    @Test
    void aProcfileGivesOneServiceWithAnAutomaticPortPerLine() {
        StackConfig config = folder().write("Procfile", """
                # the example app
                web: python3 -m http.server $PORT
                worker:   python3 worker.py --verbose

                """).load();

        assertThat(config.source()).isEqualTo("Procfile");
        assertThat(config.project()).isEqualTo(dir.getFileName().toString());
        assertThat(config.services()).extracting(ServiceSpec::name).containsExactly("web", "worker");
        assertThat(config.services()).extracting(s -> s.command().source())
                .containsExactly("python3 -m http.server $PORT", "python3 worker.py --verbose");
        assertThat(config.services()).extracting(ServiceSpec::port).containsOnly(PortSpec.auto());
    }

    @Test
    void portsYamlWinsOverAProcfile() {
        StackConfig config = folder().write("Procfile", "web: ./old\n")
                .write("ports.yaml", "services:\n  api: { command: ./new }\n").load();

        assertThat(config.source()).isEqualTo("ports.yaml");
        assertThat(config.services()).extracting(ServiceSpec::name).containsExactly("api");
    }

    @Test
    void aPortInDotEnvIsTheFirstPreferredPortAsInForeman() {
        StackConfig config = folder().write(".env", "PORT=5000\nDEBUG=1\n")
                .write("Procfile", "web: ./web\napi: ./api\n").load();

        assertThat(config.services()).extracting(ServiceSpec::port)
                .containsExactly(PortSpec.preferred(List.of(5000)), PortSpec.preferred(List.of(5100)));
        assertThat(config.envFile()).containsExactly(Map.entry("DEBUG", "1"));
    }

    @Test
    void badProcfileLinesAreReportedWithTheirLineNumbers() {
        assertThat(folder().write("Procfile", "web: ./web\nthis is not a process\nweb: ./again\napi:\n").problems())
                .containsExactly(
                        "Procfile:2:1: expected `name: command` (name of letters, digits, _ and -), got"
                                + " `this is not a process`",
                        "Procfile:3:1: `web` is defined twice (first on line 1); keep one",
                        "Procfile:4:1: `api` has no command");
    }

    @Test
    void dotEnvFollowsForemansQuotingRules() {
        StackConfig config = folder().write(".env", """
                # comment
                export A=plain value # trailing comment
                B='single $quoted # kept'
                C="double\\nline \\"quoted\\""
                D=
                E=x#not-a-comment
                """).write("Procfile", "web: ./web\n").load();

        assertThat(config.envFile()).containsExactly(
                Map.entry("A", "plain value"),
                Map.entry("B", "single $quoted # kept"),
                Map.entry("C", "double\nline \"quoted\""),
                Map.entry("D", ""),
                Map.entry("E", "x#not-a-comment"));
    }

    @Test
    void badDotEnvLinesAreReportedNotSkipped() {
        assertThat(folder().write(".env", "GOOD=1\nnot an assignment\nQ='open\nR=\"x\" y\n")
                .write("Procfile", "web: ./web\n").problems()).containsExactly(
                ".env:2: expected `NAME=value`, got `not an assignment`",
                ".env:3: the value starts with ' but has no closing '",
                ".env:4: unexpected text after the closing quote: `y`");
    }
}
