package dev.devstack.supervisor.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which folder is the project: the nearest one, from where devstack was started upwards, that
 * holds a ports.yaml or a Procfile, as git, npm and cargo find theirs. So devstack works from any
 * subfolder of a project. A configuration above the starting folder counts only if it belongs to
 * the user running devstack: a file another user put in a shared folder (`/tmp/ports.yaml`, found
 * from `/tmp/x`) would otherwise run that user's commands (git guards the same way since
 * CVE-2022-24765).
 */
public final class ProjectSearch {

    private static final List<String> FILES = List.of(ConfigLoader.PORTS_YAML, ConfigLoader.PROCFILE);

    private ProjectSearch() {
    }

    /** The nearest folder at or above {@code start} with a configuration; {@code start} itself if none has one. */
    public static Path from(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        Optional<Integer> user = owner(Path.of("/proc/self"));
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            boolean startingFolder = dir.equals(absolute);
            for (String name : FILES) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file) && (startingFolder || (user.isPresent() && owner(file).equals(user)))) {
                    return dir;
                }
            }
        }
        return absolute;
    }

    private static Optional<Integer> owner(Path path) {
        try {
            return Optional.of((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
