package dev.devstack.app;

import dev.devstack.store.TeamRegistrySettings;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.config.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which registry this user's commands use: the embedded one (the default), or a team registry
 * named by DEVSTACK_REGISTRY (which `--registry` sets) or by `registry:` in the user's
 * configuration file, with the rest of its settings from that file.
 */
public final class RegistryChoice {

    /** Chooses the registry; `--registry` sets it for one command. */
    public static final String VARIABLE = "DEVSTACK_REGISTRY";
    static final String HOST_VARIABLE = "DEVSTACK_HOST";
    private static final Set<String> KEYS = Set.of("registry", "namespace", "ttl", "tls.ca", "tls.cert", "tls.key",
            "auth.user", "auth.password_file");
    /** etcd's own minimum: it gives a shorter lease this much anyway. */
    private static final Duration SHORTEST_TTL = Duration.ofSeconds(2);
    private static final Duration LONGEST_TTL = Duration.ofHours(1);

    private RegistryChoice() {
    }

    /** The team registry's settings, or empty for the embedded registry. */
    static Optional<TeamRegistrySettings> of(Map<String, String> environment) {
        String variable = environment.getOrDefault(VARIABLE, "");
        if (variable.trim().equals("local")) {
            return Optional.empty();
        }
        Optional<Path> location = UserConfigFile.location(environment);
        if (location.isEmpty() && variable.isBlank()) {
            return Optional.empty();
        }
        UserConfigFile file = location.map(path -> UserConfigFile.read(path, KEYS)).orElseGet(UserConfigFile::absent);
        Optional<RegistryAddress> address;
        String source;
        if (!variable.isBlank()) {
            source = VARIABLE;
            try {
                address = RegistryAddress.parse(variable);
            } catch (RegistryAddress.Unreadable e) {
                throw DevstackException.invalidConfig(VARIABLE + " (or --registry): " + e.getMessage(),
                        List.of("set it to " + RegistryAddress.FORM));
            }
        } else {
            Optional<UserConfigFile.Value> registry = file.value("registry");
            if (registry.isEmpty()) {
                file.throwIfProblems();
                return Optional.empty();
            }
            source = file.file().toString();
            address = parse(file, registry.get());
        }
        if (address.isEmpty()) {
            file.throwIfProblems();
            return Optional.empty();
        }
        return Optional.of(settings(address.get(), source, file, environment));
    }

    private static Optional<RegistryAddress> parse(UserConfigFile file, UserConfigFile.Value value) {
        try {
            return RegistryAddress.parse(value.text());
        } catch (RegistryAddress.Unreadable e) {
            file.problem(value, "registry: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static TeamRegistrySettings settings(RegistryAddress address, String source, UserConfigFile file,
                                                 Map<String, String> environment) {
        String namespace = address.namespace().orElseGet(() -> file.value("namespace").map(value -> {
            if (!RegistryAddress.NAMESPACE.matcher(value.text()).matches()) {
                file.problem(value, "namespace: `" + value.text() + "` is 1 to 63 lower-case letters, digits, `_`,"
                        + " `.` and `-`, starting with a letter or digit");
            }
            return value.text();
        }).orElse(TeamRegistrySettings.DEFAULT_NAMESPACE));
        Duration ttl = file.value("ttl").map(value -> {
            Optional<Duration> parsed = Durations.parse(value.text())
                    .filter(d -> d.compareTo(SHORTEST_TTL) >= 0 && d.compareTo(LONGEST_TTL) <= 0);
            if (parsed.isEmpty()) {
                file.problem(value, "ttl: `" + value.text() + "` is not a duration from 2s to 1h (such as 10s)");
            }
            return parsed.orElse(TeamRegistrySettings.DEFAULT_TTL);
        }).orElse(TeamRegistrySettings.DEFAULT_TTL);
        Optional<TeamRegistrySettings.Tls> tls = tls(file);
        Optional<TeamRegistrySettings.Auth> auth = file.value("auth.user")
                .map(user -> new TeamRegistrySettings.Auth(user.text(), password(file, user)));
        file.throwIfProblems();
        return new TeamRegistrySettings(address.endpoints(tls.isPresent()), namespace, ttl, HostIdentity.of(environment),
                System.getProperty("user.name", ""), tls, auth, source);
    }

    /**
     * etcd's TLS: a CA to trust, and a client certificate with its key. A certificate without its
     * key, or either without the CA, would leave the connection in the clear unnoticed: a problem.
     */
    private static Optional<TeamRegistrySettings.Tls> tls(UserConfigFile file) {
        Optional<UserConfigFile.Value> ca = file.value("tls.ca");
        Optional<UserConfigFile.Value> cert = file.value("tls.cert");
        Optional<UserConfigFile.Value> key = file.value("tls.key");
        if (cert.isPresent() != key.isPresent()) {
            file.problem(cert.or(() -> key).orElseThrow(), "tls.cert and tls.key go together: the client certificate"
                    + " and its private key");
        }
        if (ca.isEmpty()) {
            cert.or(() -> key).ifPresent(value -> file.problem(value, "tls.cert and tls.key need tls.ca, the CA that"
                    + " signed etcd's certificates; without it the connection would not use TLS at all"));
            return Optional.empty();
        }
        return Optional.of(new TeamRegistrySettings.Tls(path(file, ca.get()), cert.map(v -> path(file, v)),
                key.map(v -> path(file, v))));
    }

    /** A file the configuration names: {@code ~/} is the user's home, a relative path is beside the file. */
    private static Path path(UserConfigFile file, UserConfigFile.Value value) {
        String text = value.text();
        Path path = text.startsWith("~/") ? Path.of(System.getProperty("user.home"), text.substring(2))
                : file.file().getParent().resolve(text);
        if (!Files.isReadable(path)) {
            file.problem(value, "`" + text + "`: cannot read " + path);
        }
        return path.normalize();
    }

    private static String password(UserConfigFile file, UserConfigFile.Value user) {
        Optional<UserConfigFile.Value> named = file.value("auth.password_file");
        if (named.isEmpty()) {
            file.problem(user, "auth.user needs auth.password_file: the file that"
                    + " holds the password (keep it 0600)");
            return "";
        }
        Path path = path(file, named.get());
        if (!Files.isReadable(path)) {
            return "";
        }
        try {
            if (!Files.getPosixFilePermissions(path).stream().allMatch(p -> p.name().startsWith("OWNER"))) {
                file.problem(named.get(), "the password file " + path + " may be read by others; `chmod 600 " + path
                        + "`");
            }
            return Files.readString(path).strip();
        } catch (IOException | UnsupportedOperationException e) {
            file.problem(named.get(), "cannot read the password file " + path + ": " + e.getMessage());
            return "";
        }
    }
}
