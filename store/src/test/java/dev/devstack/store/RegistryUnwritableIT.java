package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that cannot be written, in a real process: a folder or file the user may not write
 * (as root, the worker runs as nobody, since modes do not stop root), a read-only and a full
 * disk (a small tmpfs in a mount namespace of the worker's own, so nothing outlives it), and a
 * lock another process holds. The message gives the OS's reason, names the file once and says
 * what to do, and a healthy registry is never moved aside.
 */
class RegistryUnwritableIT {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final int NOBODY = 65534;
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String DENIED = "permission denied; make sure the devstack home folder and its files belong"
            + " to you (`ls -la` shows their owner), or set DEVSTACK_HOME to a folder you own";
    private static final String FULL = "disk full (no space left on device); free some space on that disk, or set"
            + " DEVSTACK_HOME to a folder on another one";

    @TempDir
    Path dir;

    /** The class path, copied where nobody can read it, once for all tests. */
    @TempDir
    static Path shared;

    // ---- folders and files the user may not write

    @Test
    void aHomeFolderTheUserMayNotWriteStillReadsButRefusesChanges() throws Exception {
        Path home = base().resolve("home");
        assertThat(asUser(home, "fill")).containsExactly("fill: ok");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-x------"));

        assertThat(asUser(home, "read", "claim", "read")).containsExactly(
                "read: ok, 10 leases",
                "claim: cannot copy the port registry " + home.resolve("registry.db") + ": " + DENIED,
                "read: ok, 10 leases");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aHomeFolderWithoutALockTheUserMayCreate() throws Exception {
        Path home = Files.createDirectory(base().resolve("home"));
        ownedByUser(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-x------"));

        assertThat(asUser(home, "read")).containsExactly(
                "read: cannot take the registry lock " + home.resolve("registry.lock") + ": " + DENIED);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aRegistryFileTheUserMayNotRead() throws Exception {
        Path home = base().resolve("home");
        assertThat(asUser(home, "fill")).containsExactly("fill: ok");
        Files.setPosixFilePermissions(home.resolve("registry.db"), PosixFilePermissions.fromString("---------"));

        assertThat(asUser(home, "read", "files")).containsExactly(
                "read: cannot read and write the port registry " + home.resolve("registry.db") + ": " + DENIED,
                "files: registry.db registry.lock");
    }

    @Test
    void aHomeFolderInAFolderTheUserMayNotWrite() throws Exception {
        Path locked = Files.createDirectory(base().resolve("locked"));
        ownedByUser(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        Path home = locked.resolve("devstack");

        assertThat(asUser(home, "read")).containsExactly(
                "read: cannot create the devstack home folder " + home + ": " + DENIED);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }

    // ---- read-only and full disks

    @Test
    void aReadOnlyFileSystem() {
        Path home = dir.resolve("disk/home");

        String script = "worker fill && mount -t tmpfs -o remount,ro tmpfs \"$DISK\" && worker read";

        assertThat(onSmallDisk("6m", home, script)).containsExactly(
                "fill: ok",
                "read: cannot take the registry lock " + home.resolve("registry.lock") + ": read-only file system; set"
                        + " DEVSTACK_HOME to a folder on a writable file system");
    }

    @Test
    void aFullDiskWithNoRoomForTheWorkingCopyLeavesTheRegistryAsItWas() {
        Path home = dir.resolve("disk/home");

        assertThat(onSmallDisk("3m", home, "worker fill fill-disk claim read files")).containsExactly(
                "fill: ok",
                "fill-disk: ok",
                "claim: cannot copy the port registry " + home.resolve("registry.db") + ": " + FULL,
                "read: ok, 10 leases",
                "files: registry.db registry.lock");
    }

    @Test
    void aDiskThatFillsWhileTheRegistryGrowsLeavesTheRegistryAsItWas() {
        Path home = dir.resolve("disk/home");

        assertThat(onSmallDisk("6m", home, "worker fill grow read files")).containsExactly(
                "fill: ok",
                "grow: cannot change the port registry " + home.resolve("registry.db") + ": " + FULL,
                "read: ok, 10 leases",
                "files: registry.db registry.lock");
    }

    @Test
    void aFullDiskBeforeTheFirstRegistry() {
        Path home = dir.resolve("disk/home");

        assertThat(onSmallDisk("3m", home, "worker read fill-disk claim files")).containsExactly(
                "read: ok, 0 leases",
                "fill-disk: ok",
                "claim: cannot create the port registry " + home.resolve("registry.db") + ": " + FULL,
                "files: registry.lock");
    }

    // ---- a lock another process holds

    @Test
    void aLockHeldByAnotherProcessNamesItsPid() throws Exception {
        Path home = dir.resolve("home");
        Process holder = new ProcessBuilder(worker(home, "hold")).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("hold: holding");
            MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, Duration.ofMillis(300), w -> { },
                    Clock.systemUTC());

            assertThatThrownBy(() -> registry.read(RegistryView::leases)).hasMessage(
                    "the port registry is busy: another devstack (pid " + holder.pid() + ") has held "
                            + home.resolve("registry.lock") + " for more than 300ms; try again, or end that process"
                            + " if it hangs");
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    // ---- running the worker

    /** A folder the worker's user may create things in. */
    private Path base() throws IOException {
        Path base = Files.createDirectory(dir.resolve("base"));
        ownedByUser(base);
        return base;
    }

    private static void ownedByUser(Path path) throws IOException {
        if (ROOT) {
            Files.setAttribute(path, "unix:uid", NOBODY);
            Files.setAttribute(path, "unix:gid", NOBODY);
        }
    }

    /** The worker as a user that file modes stop: this one, or nobody when the tests run as root. */
    private List<String> asUser(Path home, String... steps) throws IOException {
        if (!ROOT) {
            return run(worker(home, steps)).lines();
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv to run the worker as nobody");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", JAVA, "-cp", classPathNobodyCanRead(), RegistryStepsWorker.class.getName(),
                home.toString()));
        command.addAll(List.of(steps));
        return run(command).lines();
    }

    /**
     * Runs {@code script} in a mount namespace of its own, with a tmpfs of {@code size} at
     * {@code $DISK} ({@code home}'s parent); in it, {@code worker STEP...} runs the worker.
     */
    private List<String> onSmallDisk(String size, Path home, String script) {
        List<String> unshare = ROOT ? List.of("unshare", "--mount") : List.of("unshare", "--map-root-user", "--mount");
        List<String> probe = new ArrayList<>(unshare);
        probe.add("true");
        assumeTrue(run(probe, Map.of()).exitCode() == 0,
                "cannot make a mount namespace here (unshare): read-only and full disks are checked by hand only");
        try {
            Files.createDirectories(home.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(unshare);
        command.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=\"$SIZE\" tmpfs \"$DISK\" || exit 1\n"
                + "worker() { \"$JAVA\" -cp \"$CP\" " + RegistryStepsWorker.class.getName()
                + " \"$REGISTRY\" \"$@\"; }\n"
                + script));
        return run(command, Map.of("SIZE", size, "DISK", home.getParent().toString(), "JAVA", JAVA,
                "CP", System.getProperty("java.class.path"), "REGISTRY", home.toString())).lines();
    }

    private static List<String> worker(Path home, String... steps) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                RegistryStepsWorker.class.getName(), home.toString()));
        command.addAll(List.of(steps));
        return command;
    }

    private record Output(int exitCode, List<String> lines) {
    }

    private static Output run(List<String> command) {
        return run(command, Map.of());
    }

    private static Output run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("worker finished").isTrue();
                return new Output(process.exitValue(), out.lines().toList());
            } finally {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Nobody cannot enter the build's folders (nor ~/.m2 under /root): the class path, copied where it can. */
    private static String classPathNobodyCanRead() throws IOException {
        Path copy = shared.resolve("classpath");
        if (!Files.isDirectory(copy)) {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectory(copy);
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                copyTree(Path.of(entry), copy.resolve(String.format("%03d-%s", i++, Path.of(entry).getFileName())));
            }
        }
        try (Stream<Path> entries = Files.list(copy)) {
            return String.join(File.pathSeparator, entries.sorted().map(Path::toString).toList());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                Files.copy(path, target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                        Files.isDirectory(target) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
