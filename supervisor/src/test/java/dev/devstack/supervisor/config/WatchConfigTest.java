package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `watch:`, `ignore:`, `watch_cascade:` and `watch_debounce:` as read from ports.yaml, and what is wrong with them. */
class WatchConfigTest {

    @TempDir
    Path dir;

    @Test
    void aWatchedServiceHasItsGlobsIgnoresCascadeAndDebounce() {
        StackConfig config = new ProjectFolder(dir).write("ports.yaml", """
                services:
                  web:
                    command: ./web
                    watch: ["src/**/*.py", templates/**]
                    ignore: ["src/generated/**"]
                    watch_cascade: true
                    watch_debounce: 1s
                  db: { command: ./db, watch: "*.sql" }
                  plain: { command: ./plain }
                """).load();
        WatchSpec web = config.service("web").orElseThrow().watch().orElseThrow();
        assertThat(web.globs()).containsExactly("src/**/*.py", "templates/**");
        assertThat(web.ignores()).containsExactly("src/generated/**");
        assertThat(web.cascade()).isTrue();
        assertThat(web.debounce()).isEqualTo(Duration.ofSeconds(1));
        assertThat(web.location().line()).isEqualTo(4);
        WatchSpec db = config.service("db").orElseThrow().watch().orElseThrow();
        assertThat(db.globs()).containsExactly("*.sql");
        assertThat(db.cascade()).isFalse();
        assertThat(db.debounce()).isEqualTo(WatchSpec.DEFAULT_DEBOUNCE);
        assertThat(config.service("plain").orElseThrow().watch()).isEmpty();
    }

    @Test
    void badGlobsAreReportedWhereTheyAreWithWhatIsWrong() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  a: { command: ./a, watch: ["src/[ab.py", "/etc/**", "../other/*.py", ""] }
                  b: { command: ./b, watch: [], ignore: {x: 1} }
                  c: { command: ./c, watch: ["*.py"], ignore: ["{a,b"], watch_debounce: soon }
                  d: { command: ./d, watch: ["./"] }
                """).problems()).containsExactly(
                "ports.yaml:2:30: `watch`: `src/[ab.py` is not a valid glob: a `[` is not closed",
                "ports.yaml:2:44: `watch`: `/etc/**` is absolute; write it relative to the service's folder (its"
                        + " `cwd`), e.g. `src/**/*.py`",
                "ports.yaml:2:55: `watch`: `../other/*.py` reaches outside the service's folder with `..`; set the"
                        + " service's `cwd` to a folder that holds what it watches",
                "ports.yaml:2:72: `watch`: `` is empty",
                "ports.yaml:3:29: `watch` is empty: name at least one glob, e.g. `[\"src/**/*.py\"]`",
                "ports.yaml:3:41: `ignore` must be a list of globs relative to the service's folder, e.g."
                        + " `[\"src/**/*.py\"]`, got a mapping",
                "ports.yaml:4:48: `ignore`: `{a,b` is not a valid glob: a `{` is not closed",
                "ports.yaml:4:73: `watch_debounce` must be a duration between 0 and 1h such as `5s` or `500ms`, got"
                        + " `soon`",
                "ports.yaml:5:30: `watch`: `./` names the service's folder itself, which no file matches; write `**/*`"
                        + " to watch everything in it");
    }

    @Test
    void settingsOfAWatchWithoutOneAreProblems() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  a: { command: ./a, ignore: [x], watch_cascade: true, watch_debounce: 1s }
                """).problems()).containsExactly(
                "ports.yaml:2:22: `ignore` of service `a` has no effect without `watch`, the files whose changes"
                        + " restart it; add e.g. `watch: [\"**/*.py\"]` or remove `ignore`",
                "ports.yaml:2:35: `watch_cascade` of service `a` has no effect without `watch`, the files whose"
                        + " changes restart it; add e.g. `watch: [\"**/*.py\"]` or remove `watch_cascade`",
                "ports.yaml:2:56: `watch_debounce` of service `a` has no effect without `watch`, the files whose"
                        + " changes restart it; add e.g. `watch: [\"**/*.py\"]` or remove `watch_debounce`");
    }

    @Test
    void aMisspeltWatchKeyIsSuggested() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  a: { command: ./a, watch: ["*.py"], watch_cascde: true }
                """).problems()).singleElement().asString().contains("did you mean `watch_cascade`?");
    }
}
