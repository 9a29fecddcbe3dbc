package dev.devstack.supervisor.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which folder is the project: the nearest one, from where devstack was started upwards, that
 * holds a ports.yaml or a Procfile, as git, npm and cargo find theirs. So devstack works from any
 * subfolder of a project.
 */
public final class ProjectSearch {

    private ProjectSearch() {
    }

    /** The nearest folder at or above {@code start} with a configuration; {@code start} itself if none has one. */
    public static Path from(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ConfigLoader.PORTS_YAML))
                    || Files.isRegularFile(dir.resolve(ConfigLoader.PROCFILE))) {
                return dir;
            }
        }
        return absolute;
    }
}
