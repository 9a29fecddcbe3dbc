package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.WatchFilter;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The folders a {@link FileWatcher} watches, each registered once with the JDK's WatchService
 * (inotify on Linux: one watch per folder, not per file). A walk never enters a folder that every
 * target covering it skips, so node_modules is neither walked nor watched. Symbolic links are not
 * followed. The user's limit of inotify watches is told once; what was registered keeps working.
 */
final class WatchedFolders {

    /** A watched service with its compiled filter. */
    record Scope(WatchTarget target, WatchFilter filter) {

        boolean covers(Path path) {
            return path.startsWith(target.root());
        }

        Path relative(Path path) {
            return target.root().relativize(path);
        }
    }

    private final WatchService service;
    private final List<Scope> scopes;
    private final Consumer<String> notices;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private boolean limitReached;

    WatchedFolders(WatchService service, List<Scope> scopes, Consumer<String> notices) {
        this.service = service;
        this.scopes = scopes;
        this.notices = notices;
    }

    /** Registers {@code top} and every folder below it that some scope wants; hands {@code files} each file met. */
    void add(Path top, Consumer<Path> files) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!wanted(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return register(dir) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.accept(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // gone since it was listed, or not readable: nothing to watch there
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            notices.accept("watch: cannot read folder " + top + " (" + e.getMessage() + "); changes in it do not"
                    + " restart anything");
        }
    }

    /** The folder a key watches, if it still is one of ours. */
    Optional<Path> folder(WatchKey key) {
        return Optional.ofNullable(folders.get(key));
    }

    /** A folder went away (or was unmounted): its key is dead. */
    void forget(WatchKey key) {
        folders.remove(key);
    }

    int size() {
        return folders.size();
    }

    private boolean wanted(Path dir) {
        return scopes.stream().anyMatch(s -> s.covers(dir) && (dir.equals(s.target().root())
                || !s.filter().skips(s.relative(dir))));
    }

    private boolean register(Path dir) {
        if (limitReached) {
            return false;
        }
        try {
            folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
            return true;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("inotify watches")) {
                limitReached = true;
                notices.accept("watch: the user's limit of inotify watches is reached at folder " + dir + " ("
                        + folders.size() + " folders watched); changes below it do not restart anything. Raise the"
                        + " limit with `sudo sysctl fs.inotify.max_user_watches=524288`, or `ignore:` large folders");
                return false;
            }
            // vanished between listing and registering, or not readable: nothing to watch there
            return true;
        }
    }
}
