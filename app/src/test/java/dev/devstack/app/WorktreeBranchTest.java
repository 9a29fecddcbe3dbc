package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devstack.supervisor.config.ConfigChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project in a linked git worktree shows the worktree's branch as its default instance's label. */
class WorktreeBranchTest {

    @TempDir
    Path dir;

    private void git(Path in, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 5];
        System.arraycopy(new String[] {"git", "-c", "user.name=t", "-c", "user.email=t@localhost"}, 0, command, 0, 5);
        System.arraycopy(args, 0, command, 5, args.length);
        Process git = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git " + String.join(" ", args)).isZero();
    }

    private ProjectContext context(Path project, String instance, Optional<String> environment) {
        return new ProjectContext(project, Map.of(), dir.resolve("home"), ProjectContext.copyKey(instance, environment),
                new ConfigChoice(environment, "--env", List.of()), Clock.systemUTC());
    }

    @Test
    void theBranchOfALinkedWorktreeNamesItsDefaultInstance() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is not installed");
        Path main = Files.createDirectories(dir.resolve("shop"));
        git(main, "init", "--quiet", "--initial-branch=main");
        Files.writeString(main.resolve("ports.yaml"), "services: {}\n");
        Files.createDirectories(main.resolve("api"));
        Files.writeString(main.resolve("api/.keep"), "");
        git(main, "add", ".");
        git(main, "commit", "--quiet", "-m", "first");
        git(main, "worktree", "add", "--quiet", "-b", "feature/login", "../shop-login");
        Path worktree = dir.resolve("shop-login");

        assertThat(WorktreeBranch.of(worktree)).contains("feature/login");
        assertThat(WorktreeBranch.of(worktree.resolve("api"))).contains("feature/login");
        assertThat(WorktreeBranch.of(main)).as("the main working tree").isEmpty();
        assertThat(context(worktree, "default", Optional.empty()).instanceLabel()).isEqualTo("feature/login");
        assertThat(context(worktree, "default", Optional.of("test")).instanceLabel()).isEqualTo("feature/login+test");
        assertThat(context(worktree, "e2e", Optional.empty()).instanceLabel()).isEqualTo("e2e");
        assertThat(context(main, "default", Optional.empty()).instanceLabel()).isEqualTo("default");

        git(worktree, "checkout", "--quiet", "--detach");
        assertThat(WorktreeBranch.of(worktree)).as("a detached HEAD has no branch").isEmpty();
    }

    @Test
    void aFolderOutsideGitHasNoBranch() {
        assertThat(WorktreeBranch.of(dir)).isEmpty();
    }
}
