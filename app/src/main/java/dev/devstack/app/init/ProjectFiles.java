package dev.devstack.app.init;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The project folder as init reads it: files by their path relative to it, as text. */
final class ProjectFiles {

    /** Larger files are no configuration a person wrote; init says so rather than read them. */
    static final long MAX_SIZE = 1 << 20;
    private static final Set<String> NOT_PARTS = Set.of("node_modules", "vendor", "target", "build", "dist", "venv",
            "__pycache__");

    private final Path dir;

    ProjectFiles(Path dir) {
        this.dir = dir;
    }

    boolean isFile(String relative) {
        return Files.isRegularFile(dir.resolve(relative));
    }

    boolean isFolder(String relative) {
        return Files.isDirectory(dir.resolve(relative));
    }

    /** The file's text, or empty when it is not there. */
    Optional<String> text(String relative) {
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new UnreadableFile(relative, "larger than 1 MiB, which no configuration is");
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new UnreadableFile(relative, "not UTF-8 text");
        } catch (IOException e) {
            throw new UnreadableFile(relative, "cannot be read: " + e.getMessage());
        }
    }

    /** The folders directly inside {@code relative}, sorted by name, so that what init writes does not depend on the file system's order. */
    List<String> foldersIn(String relative) {
        Path parent = dir.resolve(relative);
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UnreadableFile(relative, "cannot be listed: " + e.getMessage());
        }
    }

    /**
     * The folders at the top of the project that may hold a part of it (backend/, frontend/), sorted:
     * not hidden ones (.git, .venv) nor those that hold what tools installed or built.
     */
    List<String> projectFolders() {
        return foldersIn(".").stream().map(folder -> folder.startsWith("./") ? folder.substring(2) : folder)
                .filter(folder -> !folder.startsWith(".") && !NOT_PARTS.contains(folder)).toList();
    }

    /**
     * A file init found but could not read; the source that met it reports it and the others go on.
     *
     * @param where the file, with line and column when known ({@code package.json:3:5})
     */
    static final class UnreadableFile extends RuntimeException {
        private final String where;

        UnreadableFile(String where, String reason) {
            super(reason);
            this.where = where;
        }

        String where() {
            return where;
        }
    }
}
