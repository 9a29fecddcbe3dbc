package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.config.Location;
import dev.devstack.supervisor.config.WatchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch thread on real files and real inotify: what it reports, when, and what it leaves behind. */
class FileWatcherTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(150);

    @TempDir
    Path root;

    private final BlockingQueue<FileWatcher.Change> changes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> notices = new LinkedBlockingQueue<>();
    private FileWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private WatchTarget target(String service, List<String> globs) {
        return new WatchTarget(service, root, new WatchSpec(globs, List.of(), false, DEBOUNCE,
                new Location("ports.yaml", 1, 1)));
    }

    private void watch(WatchTarget... targets) throws InterruptedException {
        watcher = FileWatcher.start(List.of(targets), changes::add, notices::add);
        String armed = notices.poll(10, TimeUnit.SECONDS);
        assertThat(armed).startsWith("watching ");
    }

    private FileWatcher.Change next() throws InterruptedException {
        FileWatcher.Change change = changes.poll(10, TimeUnit.SECONDS);
        assertThat(change).as("a change within 10 s").isNotNull();
        return change;
    }

    @Test
    void aBurstOfWritesIsOneChangeAndIgnoredFilesAreNone() throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.createDirectories(root.resolve("node_modules/pkg"));
        Files.writeString(root.resolve("src/app.py"), "1");
        watch(target("web", List.of("*.py")));

        Files.writeString(root.resolve("node_modules/pkg/x.py"), "ignored: the folder is not even watched");
        Files.writeString(root.resolve("src/.app.py.swp"), "ignored by name");
        Files.writeString(root.resolve("src/notes.txt"), "not watched");
        for (int i = 0; i < 20; i++) {
            Files.writeString(root.resolve("src/app.py"), "v" + i);
        }
        Files.writeString(root.resolve("src/other.py"), "2");
        FileWatcher.Change change = next();
        assertThat(change.target().service()).isEqualTo("web");
        assertThat(change.first()).isEqualTo(Path.of("src/app.py"));
        assertThat(change.others()).as("other.py, and nothing ignored").isEqualTo(1);
        assertThat(changes.poll(3 * DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFolderCreatedAfterTheStartIsWatched() throws Exception {
        watch(target("web", List.of("**/*.py")));
        Files.createDirectories(root.resolve("new/deeper"));
        Files.writeString(root.resolve("new/deeper/a.py"), "created with its folder");
        assertThat(next().first()).isEqualTo(Path.of("new/deeper/a.py"));
        Files.writeString(root.resolve("new/deeper/a.py"), "changed later, in the folder that is now watched");
        assertThat(next().first()).isEqualTo(Path.of("new/deeper/a.py"));
    }

    @Test
    void aFolderReachedThroughASymbolicLinkIsWatched() throws Exception {
        Files.createDirectories(root.resolve("real/src"));
        Path linked = Files.createSymbolicLink(root.resolve("linked"), root.resolve("real"));
        watcher = FileWatcher.start(List.of(new WatchTarget("web", linked, new WatchSpec(List.of("**/*.py"), List.of(),
                false, DEBOUNCE, new Location("ports.yaml", 1, 1)))), changes::add, notices::add);
        assertThat(notices.poll(10, TimeUnit.SECONDS)).startsWith("watching 2 folders");
        Files.writeString(root.resolve("real/src/app.py"), "a `cwd` that is a link is its folder all the same");
        assertThat(next().first()).isEqualTo(Path.of("src/app.py"));
    }

    @Test
    void eachServiceHearsOfItsOwnFilesOnly() throws Exception {
        watch(target("py", List.of("*.py")), target("js", List.of("*.js")));
        Files.writeString(root.resolve("a.js"), "x");
        FileWatcher.Change change = next();
        assertThat(change.target().service()).isEqualTo("js");
        assertThat(changes.poll(3 * DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void closingEndsTheThreadAndTheInotifyDescriptor() throws Exception {
        long before = inotifyDescriptors();
        watch(target("web", List.of("*.py")));
        assertThat(inotifyDescriptors()).isEqualTo(before + 1);
        assertThat(watchThreads()).isEqualTo(1);
        watcher.close();
        watcher = null;
        assertThat(inotifyDescriptors()).isEqualTo(before);
        assertThat(watchThreads()).isZero();
    }

    private static long watchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("devstack-watch")).count();
    }

    private static long inotifyDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().contains("inotify");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
