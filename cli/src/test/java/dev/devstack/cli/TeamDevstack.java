package dev.devstack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * devstack as one host of a team registry runs it in the ITs: a DEVSTACK_HOME of its own, HOME and
 * XDG_CONFIG_HOME in a folder of the test's (so no real user configuration is read) with a
 * config.yaml that sets the time to live to 2 s, DEVSTACK_REGISTRY naming the etcd members and the
 * namespace, and DEVSTACK_HOST.
 */
record TeamDevstack(Path home, Path configHome, String registry, String host) {

    /** The time to live config.yaml sets, so that a dead devstack's leases go within the test's patience. */
    static final String TTL = "2s";

    /** Makes the folders under {@code folder} and writes config.yaml there. */
    static TeamDevstack create(Path folder, List<URI> endpoints, String namespace, String host) {
        return create(folder, address(endpoints, namespace), host, "ttl: " + TTL + "\n");
    }

    /** With {@code config} as config.yaml, and {@code registry} as DEVSTACK_REGISTRY (none when blank). */
    static TeamDevstack create(Path folder, String registry, String host, String config) {
        try {
            Path home = Files.createDirectories(folder.resolve(host + "-home"));
            Path configHome = Files.createDirectories(folder.resolve(host + "-config"));
            Files.createDirectories(configHome.resolve("devstack"));
            Files.writeString(configHome.resolve("devstack/config.yaml"), config);
            return new TeamDevstack(home, configHome, registry, host);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "etcd://127.0.0.1:P1,127.0.0.1:P2/NAMESPACE". */
    static String address(List<URI> endpoints, String namespace) {
        return endpoints.stream().map(uri -> uri.getHost() + ":" + uri.getPort())
                .collect(Collectors.joining(",", "etcd://", "/" + namespace));
    }

    /** What devstack's environment has besides DEVSTACK_HOME, which {@link DevstackProcess} sets. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of("HOME", configHome.toString(),
                "XDG_CONFIG_HOME", configHome.toString(), "DEVSTACK_HOST", host));
        if (!registry.isBlank()) {
            environment.put("DEVSTACK_REGISTRY", registry);
        }
        return Map.copyOf(environment);
    }

    Path configFile() {
        return configHome.resolve("devstack/config.yaml");
    }

    /** A devstack command in a process of its own, running in {@code dir}. */
    DevstackProcess start(Path dir, String... args) {
        return DevstackProcess.start(dir, home, environment(), args);
    }

    /** A command that ends by itself, in this JVM unless it is `up` or `run`. */
    DevstackProcess.Result run(Path dir, String... args) {
        return InProcessDevstack.run(dir, home, environment(), args);
    }
}
