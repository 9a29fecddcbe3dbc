package dev.devstack.app;

import dev.devstack.supervisor.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * ports.local.yaml holds one person's overrides, so git must not pick it up: when the project is
 * in a git work tree that does not ignore it, `up` and `check` say so (once per command). Git
 * itself answers ({@code git check-ignore}), so every way of ignoring a file counts.
 */
final class LocalOverridesInGit {

    private static final String FILE = ConfigLoader.PORTS_LOCAL_YAML;
    private static final long GIT_SECONDS = 5;

    private LocalOverridesInGit() {
    }

    /** The warning to give, if ports.local.yaml exists and git would add it. */
    static Optional<String> warning(Path projectDir) {
        if (!Files.isRegularFile(projectDir.resolve(FILE))) {
            return Optional.empty();
        }
        try {
            Process git = new ProcessBuilder("git", "check-ignore", "--quiet", "--no-index", FILE)
                    .directory(projectDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!git.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            // 0: ignored; 1: not ignored; 128: not a git work tree (or no git), where there is nothing to warn about
            return git.exitValue() == 1 ? Optional.of(FILE + " holds your own overrides, but git does not ignore it;"
                    + " add `" + FILE + "` to .gitignore") : Optional.empty();
        } catch (IOException noGit) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
