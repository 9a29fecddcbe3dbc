package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** claim, release, gc and run with the real registry, real listeners and real processes. */
class ClaimIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path dir;

    private DevstackProcess.Result devstack(String... args) {
        return InProcessDevstack.run(dir, home, args);
    }

    private int claim(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "claim";
        System.arraycopy(args, 0, all, 1, args.length);
        DevstackProcess.Result claim = devstack(all);
        assertThat(claim.exitCode()).as(claim.err()).isZero();
        assertThat(claim.out()).as("stdout holds the port and nothing else").matches("\\d+\\n");
        return Integer.parseInt(claim.out().strip());
    }

    /** The lease on {@code port} as `ports --all --json` shows it, or null. */
    private JsonNode lease(int port) throws Exception {
        for (JsonNode row : new ObjectMapper().readTree(devstack("ports", "--all", "--json").out()).path("ports")) {
            if (row.path("port").asInt() == port && !row.path("lease").isNull()) {
                return row.path("lease");
            }
        }
        return null;
    }

    @Test
    void aClaimedPortIsNotGivenTwiceAndANameGetsItsPortBack() throws Exception {
        int port = FreePorts.next();

        assertThat(claim("--port", String.valueOf(port), "--name", "ci-db")).isEqualTo(port);
        DevstackProcess.Result again = devstack("claim", "--name", "ci-db");
        int other = claim("--port", String.valueOf(port));

        assertThat(again.out().strip()).isEqualTo(String.valueOf(port));
        assertThat(again.err()).contains("\"ci-db\" already holds port " + port);
        assertThat(other).isGreaterThan(port);
        assertThat(devstack("claim", "--port", String.valueOf(port)).err())
                .contains("port " + port + " is leased to claim \"ci-db\"");
        assertThat(lease(port).path("service").asText()).isEqualTo("ci-db");
    }

    @Test
    void aPreferredPortInUseMovesToTheNextFreeOneAndNamesItsHolder() throws Exception {
        int port = FreePorts.next();
        try (ForeignListener foreign = ForeignListener.on(port)) {
            DevstackProcess.Result claim = devstack("claim", "--port", String.valueOf(port));

            assertThat(Integer.parseInt(claim.out().strip())).isGreaterThan(port);
            assertThat(claim.err()).contains("port " + port + " is in use by pid " + foreign.pid());
        }
    }

    @Test
    void aLeaseEndsWithItsTimeOrItsProcessAndGcSaysWhatItRemoved() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            // The short lease is claimed last: a claim sweeps ended leases too, and would take it from gc.
            int bound = claim("--pid", String.valueOf(sleeper.pid()), "--name", "bound");
            assertThat(lease(bound).path("alive").asBoolean()).isTrue();
            int timed = claim("--ttl", "1s", "--name", "short");

            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            StringBuilder gc = new StringBuilder();
            Await.until(WAIT, "gc to remove the expired lease",
                    () -> gc.append(devstack("gc").out()).toString().contains("port " + timed));

            assertThat(gc.toString()).contains("removed the lease of port " + timed + " (claim \"short\"")
                    .contains("removed the lease of port " + bound + " (claim \"bound\", pid " + sleeper.pid());
            assertThat(lease(timed)).isNull();
            assertThat(devstack("gc").out()).isEqualTo("nothing to remove\n");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void releaseByPortOrNameButNeverARunningStacksPort() throws Exception {
        int first = claim("--name", "one");
        int second = claim("--name", "two");
        new TestProject(dir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n".formatted(service("--listen")));

        assertThat(devstack("release", String.valueOf(first)).out()).isEqualTo("released port " + first
                + " (claim \"one\")\n");
        assertThat(devstack("release", "--name", "two").exitCode()).isZero();
        DevstackProcess.Result nothing = devstack("release", String.valueOf(second));
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("no lease on port " + second);

        try (DevstackProcess up = DevstackProcess.start(dir, home, "up")) {
            Await.until(WAIT, "api to run", () -> up.servicePids().size() == 1);
            int api = new ObjectMapper().readTree(devstack("ports", "--json").out()).path("services").get(0)
                    .path("port").asInt();

            DevstackProcess.Result refused = devstack("release", String.valueOf(api));

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("port " + api + " belongs to api of " + dir, "stop that stack");
        }
    }

    @Test
    void upStaysOffAClaimedPort() throws Exception {
        int port = FreePorts.next();
        claim("--port", String.valueOf(port), "--name", "mine");
        new TestProject(dir).write("ports.yaml", "services:\n  api: { command: \"%s\", port: %d }\n"
                .formatted(service("--listen"), port));

        DevstackProcess.Result check = devstack("check");

        assertThat(check.out()).contains("port " + port + ", which is leased to claim \"mine\"");
    }

    @Test
    void runGivesCmdAPortPassesItsExitCodeOnAndReleasesTheLeaseAfterwards() throws Exception {
        Path seen = dir.resolve("port.txt");

        DevstackProcess.Result run = devstack("run", "--name", "job", "--", "sh", "-c", "echo $PORT > " + seen + "; exit 7");

        assertThat(run.exitCode()).isEqualTo(7);
        int port = Integer.parseInt(Files.readString(seen).strip());
        assertThat(lease(port)).isNull();
    }

    @Test
    void aCrashedCmdLeavesNoLeaseBehind() throws Exception {
        Path seen = dir.resolve("port.txt");

        DevstackProcess.Result run = devstack("run", "--", "sh", "-c", "echo $PORT > " + seen + "; kill -KILL $$");

        assertThat(run.exitCode()).isEqualTo(128 + 9);
        assertThat(lease(Integer.parseInt(Files.readString(seen).strip()))).isNull();
    }

    @Test
    void sigtermToDevstackReachesCmdWhoseExitCodeComesBack() throws Exception {
        Path started = dir.resolve("started");
        Path got = dir.resolve("got");
        String script = "import signal, sys, time\n"
                + "def stop(*_):\n    open(sys.argv[2], 'w').write('TERM')\n    sys.exit(3)\n"
                + "signal.signal(signal.SIGTERM, stop)\n"
                + "open(sys.argv[1], 'w').write('up')\n"
                + "time.sleep(60)\n";
        try (DevstackProcess run = DevstackProcess.start(dir, home, "run", "--", "python3", "-c", script,
                started.toString(), got.toString())) {
            Await.until(WAIT, "CMD to start", () -> Files.exists(started));

            run.signal("TERM");

            assertThat(run.awaitExit(WAIT).exitCode()).isEqualTo(3);
            assertThat(Files.readString(got)).isEqualTo("TERM");
        }
    }

    @Test
    void runSaysWhichPortItTookWhenThePreferredOneIsBusy() throws Exception {
        int port = FreePorts.next();
        try (ForeignListener foreign = ForeignListener.on(port)) {
            DevstackProcess.Result run = devstack("run", "--port", String.valueOf(port), "--", "sh", "-c", "echo $PORT");

            int got = Integer.parseInt(run.out().strip());
            assertThat(got).isGreaterThan(port);
            assertThat(run.err()).contains("port " + port + " is in use by pid " + foreign.pid(), "using " + got);
        }
    }

    @Test
    void printPortKeepsTheLeaseUntilReleased() throws Exception {
        DevstackProcess.Result run = devstack("run", "--print-port", "--name", "kept");
        int port = Integer.parseInt(run.out().strip());

        assertThat(lease(port).path("alive").asBoolean()).isTrue();
        assertThat(devstack("release", "--name", "kept").exitCode()).isZero();
        assertThat(lease(port)).isNull();
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(devstack("claim", "--ttl", "soon").err()).contains("--ttl must be a duration");
        assertThat(devstack("claim", "--range", "9-3").exitCode()).isEqualTo(2);
        assertThat(devstack("claim", "--pid", "999999999").err()).contains("no process has pid 999999999");
        assertThat(devstack("run").err()).contains("give the command to run after --");
    }

    /**
     * devstack as user nobody, with HOME (not DEVSTACK_HOME) pointing at a folder nobody may write.
     * It runs a copy of the jar in that folder: the checkout may lie below a folder nobody cannot
     * enter (a `mktemp -d` one is 0700).
     */
    private static DevstackProcess.Result asNobody(Path nobodyHome, String... args) throws Exception {
        Path jar = nobodyHome.resolve("devstack.jar");
        if (!Files.exists(jar)) {
            Files.copy(DevstackProcess.jar(), jar);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(nobodyHome.toFile());
        builder.environment().remove("DEVSTACK_HOME");
        builder.environment().remove("XDG_STATE_HOME");
        builder.environment().put("HOME", nobodyHome.toString());
        Process process = builder.start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new DevstackProcess.Result(process.exitValue(), out, err);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aPortThisUserMayNotBindIsRefusedAndTheRegistryLivesUnderHome() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run devstack as nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        Path nobodyHome = Files.createTempDirectory("devstack-nobody");
        try {
            Files.setPosixFilePermissions(nobodyHome, PosixFilePermissions.fromString("rwxrwxrwx"));

            DevstackProcess.Result refused = asNobody(nobodyHome, "claim", "--port", "81");

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(3);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).contains("port 81 is not allowed for this user (",
                    "ports below 1024 need root (or CAP_NET_BIND_SERVICE)");

            DevstackProcess.Result claimed = asNobody(nobodyHome, "claim", "--name", "n");
            assertThat(claimed.exitCode()).as(claimed.err()).isZero();
            assertThat(nobodyHome.resolve(".local/state/devstack/registry.db")).exists();
        } finally {
            try (var files = Files.walk(nobodyHome)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
