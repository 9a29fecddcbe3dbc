package dev.devstack.app;

import dev.devstack.app.view.CopyFile;
import dev.devstack.store.FilePermissions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The dashboard's copies in the instance's state folder: {@code .devstack/copied.txt}, 0600, replaced by each copy. */
public final class ProjectCopyFile implements CopyFile {

    static final String NAME = "copied.txt";

    private final ProjectContext project;

    public ProjectCopyFile(ProjectContext project) {
        this.project = project;
    }

    @Override
    public Path write(String text) throws IOException {
        ProjectStateDir.prepare(project);
        Path file = project.stateDir().resolve(NAME);
        try (FileChannel channel = FilePermissions.openPrivate(file, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        FilePermissions.makePrivate(file);
        return project.projectDir().relativize(file);
    }
}
