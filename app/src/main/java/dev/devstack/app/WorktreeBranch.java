package dev.devstack.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The branch checked out in a linked git worktree ({@code git worktree add}): copies of one project
 * in several worktrees are told apart by it. Read from git's own files, without running git: the
 * worktree's {@code .git} file names its folder under the main repository's {@code worktrees/},
 * whose {@code HEAD} names the branch. The main working tree, a submodule and a detached HEAD have
 * no such branch.
 */
public final class WorktreeBranch {

    private static final String GITDIR = "gitdir: ";
    private static final String BRANCH = "ref: refs/heads/";
    /** .git files and HEAD are one short line; anything longer is not git's. */
    private static final int MOST_BYTES = 4096;

    private WorktreeBranch() {
    }

    public static Optional<String> of(Path projectDir) {
        for (Path dir = projectDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.empty();
            }
            if (Files.isRegularFile(dotGit)) {
                Path base = dir;
                return firstLine(dotGit).filter(line -> line.startsWith(GITDIR))
                        .map(line -> base.resolve(line.substring(GITDIR.length()).strip()).normalize())
                        .filter(gitDir -> gitDir.getParent() != null && gitDir.getParent().getFileName() != null
                                && gitDir.getParent().getFileName().toString().equals("worktrees"))
                        .flatMap(gitDir -> firstLine(gitDir.resolve("HEAD")))
                        .filter(head -> head.startsWith(BRANCH)).map(head -> head.substring(BRANCH.length()).strip())
                        .filter(WorktreeBranch::printable);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(MOST_BYTES), StandardCharsets.UTF_8);
            return text.lines().findFirst();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** A branch name is shown in the terminal: git allows no control characters in one, and neither does this. */
    private static boolean printable(String branch) {
        return !branch.isEmpty() && branch.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT);
    }
}
