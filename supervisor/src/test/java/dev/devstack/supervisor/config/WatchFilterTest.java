package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which files a watch is about, and which folders it never walks: a table of cases. */
class WatchFilterTest {

    private static WatchFilter filter(String globs, String ignores) {
        return WatchFilter.of(new WatchSpec(List.of(globs.split(" ")), ignores.isEmpty() ? List.of()
                : List.of(ignores.split(" ")), false, Duration.ZERO, new Location("ports.yaml", 1, 1)));
    }

    @ParameterizedTest(name = "{0} ignoring [{1}]: {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "*.py                 |                  | app.py                   | true",
        "*.py                 |                  | src/deep/app.py          | true",
        "*.py                 |                  | app.pyc                  | false",
        "src/**/*.py          |                  | src/app.py               | true",
        "src/**/*.py          |                  | app.py                   | false",
        "a/**/b/**/*.py       |                  | a/b/c.py                 | true",
        "a/**/b/**/*.py       |                  | a/x/b/y/c.py             | true",
        "a/**/b/**/*.py       |                  | a/x/c.py                 | false",
        "src/**/*.py          |                  | src/a/app.py             | true",
        "**/*.py              |                  | app.py                   | true",
        "**/*.py              |                  | a/b/app.py               | true",
        "templates/**         |                  | templates/a/b.html       | true",
        "templates/**         |                  | other/b.html             | false",
        "**/*                 |                  | node_modules/x.py        | false",
        "*.py                 |                  | node_modules/pkg/x.py    | false",
        "*.py                 |                  | sub/node_modules/x.py    | false",
        "**/*                 |                  | .git/HEAD                | false",
        "**/*                 |                  | target/classes/A.class   | false",
        "**/*                 |                  | build/out.js             | false",
        "**/*                 |                  | dist/a.js                | false",
        "**/*                 |                  | .next/cache              | false",
        "*.py                 |                  | __pycache__/a.py         | false",
        "*.py                 |                  | .venv/lib/a.py           | false",
        "*.py                 |                  | venv/lib/a.py            | false",
        "**/*                 |                  | .devstack/run.json       | false",
        "**/*                 |                  | .app.py.swp              | false",
        "**/*                 |                  | .app.py.swx              | false",
        "**/*                 |                  | app.py~                  | false",
        "**/*                 |                  | .#app.py                 | false",
        "**/*                 |                  | 4913                     | false",
        "**/*                 |                  | src/x.tmp                | false",
        "**/*                 |                  | src/buildings.py         | true",
        "*.py                 | src/generated/** | src/generated/a.py       | false",
        "*.py                 | src/generated/** | src/other/a.py           | true",
        "*.py                 | test_*.py        | tests/test_a.py          | false",
        "./src/*.py           |                  | src/a.py                 | true",
    })
    void watches(String globs, String ignores, String file, boolean watched) {
        assertThat(filter(globs.strip(), ignores == null ? "" : ignores.strip()).watches(Path.of(file.strip())))
                .isEqualTo(watched);
    }

    @ParameterizedTest(name = "ignoring [{0}]: folder {1} skipped: {2}")
    @CsvSource(delimiter = '|', value = {
        "                 | node_modules         | true",
        "                 | web/node_modules     | true",
        "                 | .git                 | true",
        "                 | src                  | false",
        "                 | src/builder          | false",
        "src/generated/** | src/generated        | true",
        "src/generated/   | src/generated        | true",
        "src/generated/** | src/generated2       | false",
        "fixtures         | tests/fixtures       | true",
    })
    void skipsFolders(String ignores, String folder, boolean skipped) {
        assertThat(filter("**/*", ignores == null ? "" : ignores.strip()).skips(Path.of(folder.strip())))
                .isEqualTo(skipped);
    }
}
