package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ports.local.yaml that git would commit is warned about; an ignored one, or one outside git, is not. */
class LocalOverridesInGitTest {

    @TempDir
    Path dir;

    private void git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process git = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git " + String.join(" ", args)).isZero();
    }

    @Test
    void warnsOnlyWhenGitWouldPickTheFileUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is not installed");
        Files.writeString(dir.resolve("ports.local.yaml"), "services: {}\n");
        assertThat(LocalOverridesInGit.warning(dir)).as("outside a work tree").isEmpty();

        git("init", "--quiet");
        assertThat(LocalOverridesInGit.warning(dir)).contains("ports.local.yaml holds your own overrides, but git does"
                + " not ignore it; add `ports.local.yaml` to .gitignore");

        Files.writeString(dir.resolve(".gitignore"), "ports.local.yaml\n");
        assertThat(LocalOverridesInGit.warning(dir)).isEmpty();

        Files.delete(dir.resolve("ports.local.yaml"));
        Files.delete(dir.resolve(".gitignore"));
        assertThat(LocalOverridesInGit.warning(dir)).as("no file, nothing to say").isEmpty();
    }
}
