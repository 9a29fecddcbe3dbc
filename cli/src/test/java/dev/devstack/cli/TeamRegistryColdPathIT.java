package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.store.etcd.testing.EtcdServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * devstack.jar holds the etcd backend, and a user without a team registry never pays for it: the
 * JVM's own log of loaded classes shows none of jetcd, gRPC, Netty, Vert.x or store-etcd for a
 * claim on the embedded registry, while the same claim on etcd loads them (so the check can see them).
 */
class TeamRegistryColdPathIT {

    private static final Pattern BACKEND = Pattern.compile(" (io\\.etcd|io\\.grpc|io\\.netty|io\\.vertx"
            + "|dev\\.devstack\\.store\\.etcd)\\.");

    @TempDir
    Path folder;
    @TempDir
    Path workDir;

    @Test
    void aClaimOnTheEmbeddedRegistryLoadsNoClassOfTheEtcdBackend() throws Exception {
        try (EtcdServer etcd = EtcdServer.running(Files.createDirectories(folder.resolve("etcd")))) {
            List<String> embedded = classesLoadedByClaim(TeamDevstack.create(folder, "", "alpha", ""));
            List<String> team = classesLoadedByClaim(TeamDevstack.create(folder, List.of(etcd.endpoint()), "cold", "beta"));

            assertThat(embedded).hasSizeGreaterThan(1000).noneMatch(line -> BACKEND.matcher(line).find());
            assertThat(team).anyMatch(line -> line.contains(" dev.devstack.store.etcd.EtcdBackend "))
                    .anyMatch(line -> line.contains(" io.grpc."));
        }
    }

    /** The JVM's class+load log of `devstack claim --name db`, which must succeed. */
    private List<String> classesLoadedByClaim(TeamDevstack user) throws IOException, InterruptedException {
        Path log = folder.resolve(user.host() + "-classes.txt");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xlog:class+load:file=" + log, "-jar", DevstackProcess.jar().toString(), "claim", "--name", "db")
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve(user.host() + "-claim.txt").toFile());
        builder.environment().remove("DEVSTACK_REGISTRY");
        builder.environment().putAll(user.environment());
        builder.environment().put("DEVSTACK_HOME", user.home().toString());
        Process claim = builder.start();
        try {
            assertThat(claim.waitFor(60, TimeUnit.SECONDS)).as("claim finished").isTrue();
            assertThat(claim.exitValue()).as("exit code of the claim as %s, which printed: %s", user.host(),
                    Files.readString(folder.resolve(user.host() + "-claim.txt"))).isZero();
        } finally {
            claim.destroyForcibly();
        }
        return Files.readAllLines(log);
    }
}
