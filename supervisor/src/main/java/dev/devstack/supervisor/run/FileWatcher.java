package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.WatchFilter;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the files of every service with {@code watch:} on one thread ({@code devstack-watch})
 * and one WatchService (on Linux the JDK adds one thread of its own that reads inotify). A change
 * of a watched file is held for the service's debounce, and every further change restarts that
 * wait, so a burst of saves is one {@link Change}. Folders that appear are watched at once, and
 * watched files already in them count as changes. Registering walks the trees on this thread too,
 * never the engine's.
 */
final class FileWatcher implements AutoCloseable {

    /**
     * What a service is told: {@code first} changed (relative to its folder), and {@code others} more
     * files with it; {@code lost}: the kernel dropped events, so more may have changed than is known.
     */
    record Change(WatchTarget target, Path first, int others, boolean lost) {
    }

    private final List<WatchedFolders.Scope> scopes;
    private final Consumer<Change> changes;
    private final Consumer<String> notices;
    private final Thread thread;
    private final Map<WatchTarget, Burst> bursts = new LinkedHashMap<>();
    private volatile WatchService service;

    private record Burst(Path first, Set<Path> files, boolean lost, long dueNanos) {
    }

    private FileWatcher(List<WatchTarget> targets, Consumer<Change> changes, Consumer<String> notices) {
        this.scopes = targets.stream().map(t -> new WatchedFolders.Scope(t, WatchFilter.of(t.spec()))).toList();
        this.changes = changes;
        this.notices = notices;
        this.thread = new Thread(this::run, "devstack-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching on a thread of its own; returns at once (the walk of a large tree takes a while). */
    static FileWatcher start(List<WatchTarget> targets, Consumer<Change> changes, Consumer<String> notices) {
        FileWatcher watcher = new FileWatcher(targets, changes, notices);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        try (WatchService opened = FileSystems.getDefault().newWatchService()) {
            service = opened;
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            long began = System.nanoTime();
            WatchedFolders folders = new WatchedFolders(opened, scopes, notices);
            scopes.stream().map(s -> s.target().root()).distinct().forEach(root -> folders.add(root, file -> { }));
            notices.accept("watching " + folders.size() + " folder" + (folders.size() == 1 ? "" : "s") + " for "
                    + String.join(", ", scopes.stream().map(s -> s.target().service()).toList()) + " (ready in "
                    + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms)");
            loop(opened, folders);
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            // closed with the stack
        } catch (IOException e) {
            notices.accept("watch: cannot watch files (" + e.getMessage() + "); changes do not restart anything."
                    + " If the limit of inotify instances is reached, raise fs.inotify.max_user_instances");
        }
    }

    private void loop(WatchService opened, WatchedFolders folders) throws InterruptedException {
        while (true) {
            OptionalLong due = bursts.values().stream().mapToLong(Burst::dueNanos).min();
            WatchKey key = due.isEmpty() ? opened.take()
                    : opened.poll(Math.max(0, due.getAsLong() - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (key != null) {
                folders.folder(key).ifPresent(folder -> events(key, folder, folders));
                if (!key.reset()) {
                    folders.forget(key);
                }
            }
            fireDue();
        }
    }

    private void events(WatchKey key, Path folder, WatchedFolders folders) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // the kernel dropped events: something changed, nobody knows what; restart each service once
                scopes.stream().filter(s -> s.covers(folder)).forEach(s -> changed(s, folder, true));
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                folders.add(path, this::changed);
            } else {
                changed(path);
            }
        }
    }

    private void changed(Path path) {
        for (WatchedFolders.Scope scope : scopes) {
            if (scope.covers(path) && !path.equals(scope.target().root()) && scope.filter().watches(scope.relative(path))) {
                changed(scope, path, false);
            }
        }
    }

    private void changed(WatchedFolders.Scope scope, Path path, boolean lost) {
        long due = System.nanoTime() + scope.target().spec().debounce().toNanos();
        Burst burst = bursts.get(scope.target());
        Set<Path> files = burst == null ? new LinkedHashSet<>() : burst.files();
        files.add(path);
        bursts.put(scope.target(), new Burst(burst == null ? path : burst.first(), files,
                lost || (burst != null && burst.lost()), due));
    }

    private void fireDue() {
        long now = System.nanoTime();
        bursts.entrySet().removeIf(entry -> {
            if (entry.getValue().dueNanos() - now > 0) {
                return false;
            }
            WatchTarget target = entry.getKey();
            Burst burst = entry.getValue();
            changes.accept(new Change(target, target.root().relativize(burst.first()), burst.files().size() - 1,
                    burst.lost()));
            return true;
        });
    }

    /** Stops the thread and closes the WatchService (its inotify descriptor and the JDK's thread); waits for both. */
    @Override
    public void close() {
        thread.interrupt();
        WatchService opened = service;
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                notices.accept("watch: closing the file watch failed: " + e.getMessage());
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
