package dev.devstack.app;

import dev.devstack.store.FilePermissions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A project's {@code .devstack/} (live state, logs; another instance's below it, in
 * {@code instances/NAME/}): private to the user, and ignored by git through a {@code .gitignore}
 * of its own, so that it never shows up in the user's repository.
 */
final class ProjectStateDir {

    static final String GITIGNORE = "# devstack's live state and logs of this project: never committed\n*\n";

    private ProjectStateDir() {
    }

    /**
     * Creates the instance's folder, and the project's with its .gitignore, if missing; a folder that
     * cannot be written is reported by its writers.
     */
    static void prepare(ProjectContext context) {
        try {
            FilePermissions.createPrivateDirectory(context.stateRoot());
            FilePermissions.createPrivateDirectory(context.stateDir());
            Path ignore = context.stateRoot().resolve(".gitignore");
            if (!Files.exists(ignore)) {
                try (FileChannel channel = FilePermissions.openPrivate(ignore, StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE_NEW)) {
                    channel.write(StandardCharsets.UTF_8.encode(GITIGNORE));
                }
            }
        } catch (IOException unwritable) {
            // run.json and the log files say so when they cannot be written
        }
    }
}
