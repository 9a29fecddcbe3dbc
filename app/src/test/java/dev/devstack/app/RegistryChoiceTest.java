package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.store.TeamRegistrySettings;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryChoiceTest {

    @TempDir
    Path home;

    private Map<String, String> environment(String... more) {
        Map<String, String> environment = new HashMap<>(Map.of("HOME", home.toString(), "DEVSTACK_HOST", "ci-7"));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    private Path config(String text) throws IOException {
        Path file = home.resolve(".config/devstack/config.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void withoutAFileOrAVariableTheRegistryIsTheEmbeddedOne() {
        assertThat(RegistryChoice.of(environment())).isEmpty();
    }

    @Test
    void theVariableNamesEveryMemberAndTheNamespace() {
        TeamRegistrySettings settings = RegistryChoice.of(environment("DEVSTACK_REGISTRY",
                "etcd://127.0.0.1:2379,[::1]:2479/web")).orElseThrow();

        assertThat(settings.endpoints()).containsExactly(URI.create("http://127.0.0.1:2379"), URI.create("http://[::1]:2479"));
        assertThat(settings.namespace()).isEqualTo("web");
        assertThat(settings.ttl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.host()).isEqualTo("ci-7");
        assertThat(settings.source()).isEqualTo("DEVSTACK_REGISTRY");
        assertThat(settings.describe()).isEqualTo("etcd://127.0.0.1:2379,[::1]:2479 (namespace web)");
    }

    @Test
    void theFileSaysAllAndTheVariableOverridesOnlyWhereTheRegistryIs() throws IOException {
        Files.writeString(home.resolve("ca.pem"), "ca");
        Path secret = Files.writeString(home.resolve("secret"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path file = config("""
                registry: etcd://10.0.0.5:2379
                namespace: team-a
                ttl: 4s
                tls:
                  ca: ../../ca.pem
                auth:
                  user: alice
                  password_file: %s
                """.formatted(secret));

        TeamRegistrySettings fromFile = RegistryChoice.of(environment()).orElseThrow();
        TeamRegistrySettings overridden = RegistryChoice.of(environment("DEVSTACK_REGISTRY", "etcd://127.0.0.1:2379"))
                .orElseThrow();

        assertThat(fromFile.endpoints()).containsExactly(URI.create("https://10.0.0.5:2379"));
        assertThat(fromFile.namespace()).isEqualTo("team-a");
        assertThat(fromFile.ttl()).isEqualTo(Duration.ofSeconds(4));
        assertThat(fromFile.tls().orElseThrow().ca()).isEqualTo(home.resolve("ca.pem"));
        assertThat(fromFile.auth()).contains(new TeamRegistrySettings.Auth("alice", "s3cret"));
        assertThat(fromFile.auth().orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(fromFile.source()).isEqualTo(file.toString());
        assertThat(overridden.endpoints()).containsExactly(URI.create("https://127.0.0.1:2379"));
        assertThat(overridden.namespace()).isEqualTo("team-a");
    }

    @Test
    void localInTheVariableWinsOverTheFile() throws IOException {
        config("registry: etcd://10.0.0.5:2379\n");

        assertThat(RegistryChoice.of(environment("DEVSTACK_REGISTRY", "local"))).isEmpty();
        assertThat(RegistryChoice.of(environment())).isPresent();
    }

    @Test
    void xdgConfigHomeIsWhereTheFileIs() throws IOException {
        Path xdg = Files.createDirectories(home.resolve("xdg/devstack"));
        Files.writeString(xdg.resolve("config.yaml"), "registry: etcd://127.0.0.1:2379\n");

        assertThat(RegistryChoice.of(environment("XDG_CONFIG_HOME", home.resolve("xdg").toString()))).isPresent();
        assertThat(RegistryChoice.of(environment())).isEmpty();
    }

    @Test
    void everyProblemOfTheFileNamesItsLine() throws IOException {
        Path file = config("""
                registry: etcd://10.0.0.5
                ttl: forever
                colour: blue
                """);

        assertThatThrownBy(() -> RegistryChoice.of(environment()))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                file + ":3:1: `colour` is not a setting of this file; it has auth.password_file, auth.user,"
                                        + " namespace, registry, tls.ca, tls.cert, tls.key, ttl",
                                file + ":1:11: registry: `10.0.0.5` in `etcd://10.0.0.5` is not HOST:PORT (`local`"
                                        + " or `etcd://HOST:PORT[,HOST:PORT...][/NAMESPACE]`)"));
        config("""
                registry: etcd://10.0.0.5:2379
                ttl: forever
                auth:
                  user: alice
                """);
        assertThatThrownBy(() -> RegistryChoice.of(environment()))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                file + ":2:6: ttl: `forever` is not a duration from 2s to 1h (such as 10s)",
                                file + ":4:9: auth.user needs auth.password_file: the file that holds the password"
                                        + " (keep it 0600)"));
    }

    @Test
    void tlsThatWouldBeOffAndAPasswordOthersMayReadAreProblems() throws IOException {
        Path secret = Files.writeString(home.resolve("secret"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(home.resolve("alice.pem"), "cert");
        Path file = config("""
                registry: etcd://10.0.0.5:2379
                tls:
                  cert: ../../alice.pem
                auth:
                  user: alice
                  password_file: %s
                """.formatted(secret));

        assertThatThrownBy(() -> RegistryChoice.of(environment()))
                .isInstanceOfSatisfying(DevstackException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                file + ":3:9: tls.cert and tls.key go together: the client certificate and its private key",
                                file + ":3:9: tls.cert and tls.key need tls.ca, the CA that signed etcd's certificates;"
                                        + " without it the connection would not use TLS at all",
                                file + ":6:18: the password file " + secret + " may be read by others; `chmod 600 "
                                        + secret + "`"));
    }

    @Test
    void aWrongVariableSaysWhatItShouldBe() {
        assertThatThrownBy(() -> RegistryChoice.of(environment("DEVSTACK_REGISTRY", "redis://x:1")))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("DEVSTACK_REGISTRY (or --registry): `redis://x:1` is not `local` or `etcd://");
    }

    @Test
    void theHostIsTheKernelsHostNameWithoutTheVariable() throws IOException {
        String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();

        assertThat(HostIdentity.of(Map.of())).isEqualTo(kernel);
        assertThat(HostIdentity.of(Map.of("DEVSTACK_HOST", " ci-3 "))).isEqualTo("ci-3");
    }
}
