package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `extends: FILE`, ports.local.yaml and a service's `extends: OTHER`, and how their layers merge. */
class ConfigLayersTest {

    @TempDir
    Path dir;

    private ProjectFolder folder() {
        return new ProjectFolder(dir);
    }

    @Test
    void anExtendedFileIsLaidUnderTheFileThatNamesItMappingsMergingListsAndScalarsReplacing() {
        StackConfig config = folder()
                .write("shared/base.yaml", """
                        range: 30000-30999
                        services:
                          api:
                            command: python3 api.py
                            env: { A: base, B: base }
                            depends_on: [db, cache]
                          db: { command: python3 db.py }
                          cache: { command: python3 cache.py }
                        """)
                .write("ports.yaml", """
                        extends: shared/base.yaml
                        services:
                          api:
                            env: { B: mine, C: mine }
                            depends_on: [db]
                          cache: null
                        """).load();

        assertThat(config.range()).isEqualTo(new PortRange(30000, 30999));
        assertThat(config.services()).extracting(ServiceSpec::name).containsExactly("api", "db");
        ServiceSpec api = config.service("api").orElseThrow();
        assertThat(api.command().source()).isEqualTo("python3 api.py");
        assertThat(api.env().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().source())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", "base", "B", "mine", "C", "mine"));
        assertThat(api.dependsOn()).extracting(Dependency::service).containsExactly("db");
    }

    @Test
    void extendsChainsAndItsPathIsRelativeToTheFileThatWritesIt() {
        StackConfig config = folder()
                .write("conf/root.yaml", "services:\n  web: { command: python3 web.py, port: 31001 }\n")
                .write("conf/middle.yaml", "extends: root.yaml\nproject: chained\n")
                .write("ports.yaml", "extends: conf/middle.yaml\nservices:\n  web: { port: 31002 }\n").load();

        assertThat(config.project()).isEqualTo("chained");
        assertThat(config.service("web").orElseThrow().port().preferred()).containsExactly(31002);
    }

    @Test
    void anExtendsCircleIsReportedWhereItCloses() {
        List<String> problems = folder()
                .write("a.yaml", "extends: b.yaml\n")
                .write("b.yaml", "extends: ports.yaml\n")
                .write("ports.yaml", "extends: a.yaml\nservices:\n  web: { command: python3 web.py }\n").problems();

        assertThat(problems).containsExactly("b.yaml:1:10: `extends` goes round in a circle: ports.yaml → a.yaml"
                + " → b.yaml → ports.yaml; remove one of the `extends`");
    }

    @Test
    void aMissingExtendedFileIsNamedWithWhereThePathStarts() {
        assertThat(folder().write("ports.yaml", "extends: base.yaml\nservices:\n  web: { command: python3 web.py }\n")
                .problems()).containsExactly("ports.yaml:1:10: `extends: base.yaml`: base.yaml does not exist; the path"
                + " is relative to ports.yaml's folder");
    }

    @Test
    void extendingAFolderNamesTheFolder() {
        assertThat(folder().write("ports.yaml", "extends: .\nservices:\n  web: { command: python3 web.py }\n")
                .problems()).containsExactly("ports.yaml:1:10: `extends: .`: the project folder is not a regular"
                + " file; the path is relative to ports.yaml's folder");
    }

    @Test
    void portsLocalYamlGoesOverPortsYamlAndMayNotExtend() {
        ProjectFolder folder = folder()
                .write("ports.yaml", "services:\n  web: { command: python3 web.py, port: 31001 }\n")
                .write("ports.local.yaml", "# mine\nservices:\n  web: { port: 31555 }\n");
        assertThat(folder.load().service("web").orElseThrow().port().preferred()).containsExactly(31555);

        folder.write("ports.local.yaml", "extends: other.yaml\n");
        assertThat(folder.problems()).containsExactly("ports.local.yaml:1:1: `extends` belongs in ports.yaml;"
                + " ports.local.yaml is laid over it as it is");
    }

    @Test
    void anEmptyPortsLocalYamlChangesNothing() {
        StackConfig config = folder()
                .write("ports.yaml", "services:\n  web: { command: python3 web.py }\n")
                .write("ports.local.yaml", "# nothing of mine yet\n\n").load();

        assertThat(config.services()).extracting(ServiceSpec::name).containsExactly("web");
    }

    @Test
    void aServiceExtendsAnotherChainedAndNullRemovesWhatItInherits() {
        StackConfig config = folder().write("ports.yaml", """
                services:
                  base: { command: python3 worker.py, env: { QUEUE: default, DEBUG: "1" }, restart: always }
                  mails: { extends: base, env: { QUEUE: mails } }
                  slow: { extends: mails, env: { DEBUG: null } }
                """).load();

        ServiceSpec slow = config.service("slow").orElseThrow();
        assertThat(slow.command().source()).isEqualTo("python3 worker.py");
        assertThat(slow.env()).containsOnlyKeys("QUEUE");
        assertThat(slow.env().get("QUEUE").source()).isEqualTo("mails");
        assertThat(slow.restart().mode()).isEqualTo(RestartPolicy.Mode.ALWAYS);
    }

    @Test
    void servicesExtendingEachOtherInACircleOrAServiceThatIsNotThereAreProblems() {
        assertThat(folder().write("ports.yaml", """
                services:
                  a: { extends: b, command: python3 a.py }
                  b: { extends: a, command: python3 b.py }
                  c: { extends: api, command: python3 c.py }
                  d: { extends: d, command: python3 d.py }
                """).problems()).containsExactly(
                "ports.yaml:3:17: services extend each other in a circle: a → b → a; remove one of the `extends`",
                "ports.yaml:4:17: service `c` extends `api`, which is not a service",
                "ports.yaml:5:17: services extend each other in a circle: d → d; remove one of the `extends`");
    }
}
