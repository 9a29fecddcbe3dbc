package dev.devstack.supervisor.config;

import dev.devstack.supervisor.Signal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Reads one service of ports.yaml. Conditions of dependencies written as a list are left open
 * ({@link DependencyDraft}) until every service is known, because they depend on whether the
 * dependency has a port.
 */
final class ServiceReader {

    static final List<String> KEYS = List.of("command", "cwd", "env", "port", "ports", "strict", "on_conflict", "depends_on",
            "inherit_port", "stop_timeout", "stop_signal", "stop_command", "restart", "backoff", "max_restarts", "oneshot",
            "ready", "health", "restart_on_unhealthy", "exit_on_failure", "scale", "pidfile", "profiles", "preset",
            "watch", "ignore", "watch_cascade", "watch_debounce", "tty");

    /** Each replica is a process with its own ports; more than this is a typo or a hostile file, not a dev stack. */

    record DependencyDraft(String service, Optional<Condition> condition, Location location) {
    }

    record Draft(ServiceSpec spec, List<DependencyDraft> dependencies) {
    }

    private final Path projectDir;
    private final Problems problems;
    private final Values values;
    private final CheckReader checks;

    ServiceReader(Path projectDir, Problems problems) {
        this.projectDir = projectDir;
        this.problems = problems;
        this.values = new Values(problems);
        this.checks = new CheckReader(problems);
    }

    Optional<Draft> read(String name, Location nameLocation, YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(node.location(), "service `" + name + "` must be a mapping with at least `command:`, got "
                    + node.describe());
            return Optional.empty();
        }
        Map<String, YamlNode.Entry> entries = mapping.entries();
        entries.forEach((key, entry) -> {
            if (!KEYS.contains(key)) {
                values.unknownKey(key, entry.keyLocation(), "in service `" + name + "`", KEYS);
            }
        });

        Template command = command(name, nameLocation, entries.get("command"));
        Path cwd = cwd(entries.get("cwd"));
        Map<String, Template> env = env(entries.get("env"));
        PortSpec port = entries.containsKey("port") ? port(entries.get("port").value()) : PortSpec.auto();
        Map<String, PortSpec> namedPorts = namedPorts(entries.get("ports"));
        OnConflict onConflict = onConflict(name, entries);
        List<DependencyDraft> dependencies = dependencies(name, entries.get("depends_on"));
        Optional<String> inherit = value(entries, "inherit_port").flatMap(n -> values.nonBlankText("inherit_port", n));
        StopSpec stop = stop(entries);
        RestartPolicy restart = restart(entries);
        boolean oneshot = value(entries, "oneshot").flatMap(n -> values.bool("oneshot", n)).orElse(false);

        if (inherit.isPresent()) {
            for (String exclusive : List.of("port", "ports", "strict", "on_conflict")) {
                if (entries.containsKey(exclusive)) {
                    problems.add(entries.get(exclusive).keyLocation(), "service `" + name + "` has `inherit_port`, so it"
                            + " cannot have `" + exclusive + "` as well; remove one of them");
                }
            }
            port = PortSpec.none();
        }
        if (onConflict.insists() && port.mode() != PortSpec.Mode.PREFERRED
                && namedPorts.values().stream().noneMatch(p -> p.mode() == PortSpec.Mode.PREFERRED)) {
            String key = entries.containsKey("on_conflict") ? "on_conflict" : "strict";
            String setting = key.equals("strict") ? "`strict: true`" : "`on_conflict: " + onConflict.word() + "`";
            problems.add(entries.get(key).keyLocation(), setting + " needs a fixed port, e.g. `port: 5432`;"
                    + " service `" + name + "` has none");
        }
        boolean ownPort = port.wanted() || !namedPorts.isEmpty();
        Optional<CheckSpec> ready = entries.containsKey("ready")
                ? checks.read("ready", entries.get("ready").value(), false)
                : ownPort && !oneshot ? Optional.of(CheckSpec.tcp(nameLocation)) : Optional.empty();
        Optional<CheckSpec> health = value(entries, "health").flatMap(n -> checks.read("health", n, true));
        boolean restartOnUnhealthy = value(entries, "restart_on_unhealthy")
                .flatMap(n -> values.bool("restart_on_unhealthy", n)).orElse(false);
        boolean exitOnFailure = value(entries, "exit_on_failure").flatMap(n -> values.bool("exit_on_failure", n))
                .orElse(false);
        ScaleReader.Scale scaling = new ScaleReader(problems, values).read(name, value(entries, "scale"));
        int scale = scaling.replicas();
        Optional<Path> pidfile = pidfile(cwd, entries.get("pidfile"));
        if (pidfile.isPresent() && oneshot) {
            problems.add(entries.get("pidfile").keyLocation(), "`" + name + "` is a one-shot task: it runs to"
                    + " completion, so it has no daemon whose pid a `pidfile` could name; remove one of them");
        } else if (pidfile.isPresent() && scale > 1) {
            problems.add(entries.get("pidfile").keyLocation(), "`" + name + "` has " + scale + " replicas, which would"
                    + " all write the one `pidfile`; drop `pidfile` (a daemon listening on its port is found without"
                    + " it) or `scale`");
        }
        List<String> profiles = entries.containsKey("profiles")
                ? ProfileNames.read(name, entries.get("profiles").value(), values, problems) : List.of();
        Optional<WatchSpec> watch = new WatchReader(problems, values).read(name, entries);
        boolean tty = value(entries, "tty").flatMap(n -> values.bool("tty", n)).orElse(false);
        checkCombinations(name, entries, ownPort, oneshot, ready, health, restartOnUnhealthy);
        if (command == null) {
            return Optional.empty();
        }
        ServiceSpec spec = new ServiceSpec(name, nameLocation, command, cwd, env, port, namedPorts, onConflict, List.of(),
                inherit, stop, restart, oneshot, ready, health, restartOnUnhealthy, exitOnFailure, scale,
                scaling.limits(), pidfile, profiles, watch, tty);
        return Optional.of(new Draft(spec, dependencies));
    }

    private void checkCombinations(String name, Map<String, YamlNode.Entry> entries, boolean ownPort, boolean oneshot,
                                   Optional<CheckSpec> ready, Optional<CheckSpec> health, boolean restartOnUnhealthy) {
        if (oneshot && entries.containsKey("ready")) {
            problems.add(entries.get("ready").keyLocation(), "`" + name + "` is a one-shot task: it is not checked for"
                    + " readiness; dependents wait for it to complete");
        }
        for (Optional<CheckSpec> check : List.of(ready, health)) {
            check.filter(c -> !ownPort && (c.kind() == CheckSpec.Kind.TCP || c.kind() == CheckSpec.Kind.HTTP))
                    .ifPresent(c -> problems.add(c.location(), "`" + name + "` has no port of its own for a "
                            + c.kind().name().toLowerCase(Locale.ROOT) + " check; use `log` or `exec`"));
        }
        if (restartOnUnhealthy && health.isEmpty() && entries.containsKey("restart_on_unhealthy")) {
            problems.add(entries.get("restart_on_unhealthy").keyLocation(), "`restart_on_unhealthy` needs a `health`"
                    + " check to know when `" + name + "` is unhealthy");
        }
    }

    private StopSpec stop(Map<String, YamlNode.Entry> entries) {
        Duration timeout = value(entries, "stop_timeout").flatMap(n -> values.duration("stop_timeout", n))
                .orElse(StopSpec.DEFAULT_TIMEOUT);
        Signal signal = value(entries, "stop_signal").flatMap(this::stopSignal).orElse(Signal.TERM);
        Optional<Template> command = value(entries, "stop_command").flatMap(n -> values.nonBlankText("stop_command", n)
                .map(text -> Template.parse(text.strip(), n.location())));
        return new StopSpec(timeout, signal, command);
    }

    private Optional<Signal> stopSignal(YamlNode node) {
        Optional<String> text = values.text("stop_signal", node);
        Optional<Signal> signal = text.flatMap(Signal::named);
        if (text.isPresent() && signal.isEmpty()) {
            problems.add(node.location(), "`stop_signal` must be one of " + Arrays.stream(Signal.values())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", got `" + text.get() + "`");
        }
        return signal;
    }

    /** {@code on_conflict:}, or {@code strict: true} (its older spelling), which must agree. */
    private OnConflict onConflict(String name, Map<String, YamlNode.Entry> entries) {
        boolean strict = value(entries, "strict").flatMap(n -> values.bool("strict", n)).orElse(false);
        Optional<OnConflict> given = value(entries, "on_conflict").flatMap(node -> {
            Optional<String> text = values.text("on_conflict", node);
            for (OnConflict mode : OnConflict.values()) {
                if (text.isPresent() && mode.word().equals(text.get().strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(mode);
                }
            }
            text.ifPresent(t -> problems.add(node.location(), "`on_conflict` must be `next`, `fail` or `kill-own`,"
                    + " got `" + t + "`"));
            return Optional.empty();
        });
        if (strict && given.isPresent() && given.get() == OnConflict.NEXT) {
            problems.add(entries.get("strict").keyLocation(), "service `" + name + "` has `strict: true` and"
                    + " `on_conflict: next`, which contradict each other; keep one of them");
        }
        return given.orElse(strict ? OnConflict.FAIL : OnConflict.NEXT);
    }

    private RestartPolicy restart(Map<String, YamlNode.Entry> entries) {
        RestartPolicy.Mode mode = value(entries, "restart").flatMap(this::restartMode).orElse(RestartPolicy.Mode.NO);
        Duration backoff = value(entries, "backoff").flatMap(n -> values.duration("backoff", n, true))
                .orElse(RestartPolicy.DEFAULT_BACKOFF);
        OptionalInt max = value(entries, "max_restarts").flatMap(n -> values.count("max_restarts", n, 0))
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        return new RestartPolicy(mode, backoff, max);
    }

    /** YAML 1.1 reads a bare {@code no} as false; it means `no` here. */
    private Optional<RestartPolicy.Mode> restartMode(YamlNode node) {
        List<String> words = List.of("no", "on-failure", "always");
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.BOOLEAN
                && YamlNode.Scalar.truth(scalar.text()).equals(Optional.of(false))) {
            return Optional.of(RestartPolicy.Mode.NO);
        }
        Optional<String> text = values.text("restart", node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (RestartPolicy.Mode mode : RestartPolicy.Mode.values()) {
            if (mode.word().equals(text.get().strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        problems.add(node.location(), "`restart` must be `no`, `on-failure` or `always`, got `" + text.get() + "`"
                + Suggestions.hint(text.get(), words));
        return Optional.empty();
    }

    private static Optional<YamlNode> value(Map<String, YamlNode.Entry> entries, String key) {
        return Optional.ofNullable(entries.get(key)).map(YamlNode.Entry::value);
    }

    private Template command(String name, Location nameLocation, YamlNode.Entry entry) {
        if (entry == null) {
            problems.add(nameLocation, "service `" + name + "` has no `command`");
            return null;
        }
        return values.nonBlankText("command", entry.value())
                .map(text -> Template.parse(text.strip(), entry.value().location()))
                .orElse(null);
    }

    private Path cwd(YamlNode.Entry entry) {
        if (entry == null) {
            return projectDir;
        }
        Optional<String> text = values.nonBlankText("cwd", entry.value());
        if (text.isEmpty()) {
            return projectDir;
        }
        Path cwd;
        try {
            cwd = projectDir.resolve(text.get()).normalize();
        } catch (InvalidPathException e) {
            problems.add(entry.value().location(), "`cwd` is not a valid path: " + e.getReason());
            return projectDir;
        }
        if (!Files.isDirectory(cwd)) {
            problems.add(entry.value().location(), "`cwd`: folder " + cwd + " does not exist");
        }
        return cwd;
    }

    /** Where a daemon writes its pid, relative to the service's folder. */
    private Optional<Path> pidfile(Path cwd, YamlNode.Entry entry) {
        if (entry == null) {
            return Optional.empty();
        }
        Optional<String> text = values.nonBlankText("pidfile", entry.value());
        try {
            return text.map(t -> cwd.resolve(t.strip()).normalize());
        } catch (InvalidPathException e) {
            problems.add(entry.value().location(), "`pidfile` is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }

    private Map<String, Template> env(YamlNode.Entry entry) {
        Map<String, Template> env = new LinkedHashMap<>();
        if (entry == null) {
            return env;
        }
        if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
            values.wrongType("env", entry.value(), "a mapping of NAME: value");
            return env;
        }
        mapping.entries().forEach((key, value) -> {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add(value.keyLocation(), "`env`: `" + key + "` is not a valid variable name"
                        + " (letters, digits and _, not starting with a digit)");
            }
            YamlNode node = value.value();
            if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.NULL) {
                problems.add(value.keyLocation(), "`env`: `" + key + "` has no value; write `" + key
                        + ": \"\"` for an empty one");
            } else if (node instanceof YamlNode.Scalar scalar) {
                env.put(key, Template.parse(scalar.text(), scalar.location()));
            } else {
                values.wrongType("env." + key, node, "text or a number");
            }
        });
        return env;
    }

    private PortSpec port(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.STRING) {
            switch (scalar.text().strip().toLowerCase(Locale.ROOT)) {
                case "none" -> {
                    return PortSpec.none();
                }
                case "auto" -> {
                    return PortSpec.auto();
                }
                default -> {
                    if (!scalar.text().strip().matches("\\d+")) {
                        values.wrongType("port", node, "a port number, a list of them, `auto` or `none`");
                        return PortSpec.auto();
                    }
                }
            }
        }
        if (node instanceof YamlNode.Mapping) {
            values.wrongType("port", node, "a port number, a list of them, `auto` or `none`");
            return PortSpec.auto();
        }
        return values.portNumbers("port", node).map(PortSpec::preferred).orElse(PortSpec.auto());
    }

    private Map<String, PortSpec> namedPorts(YamlNode.Entry entry) {
        Map<String, PortSpec> ports = new LinkedHashMap<>();
        if (entry == null) {
            return ports;
        }
        if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
            values.wrongType("ports", entry.value(), "a mapping of name: port (a number, a list of them, or `auto`)");
            return ports;
        }
        mapping.entries().forEach((name, value) -> {
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                problems.add(value.keyLocation(), "`ports`: `" + name + "` is not a valid port name"
                        + " (letters, digits and _, starting with a letter)");
                return;
            }
            PortSpec spec = port(value.value());
            if (spec.mode() == PortSpec.Mode.NONE) {
                problems.add(value.value().location(), "`ports." + name + "`: a named port cannot be `none`; remove it");
                return;
            }
            ports.put(name, spec);
        });
        return ports;
    }

    private List<DependencyDraft> dependencies(String name, YamlNode.Entry entry) {
        List<DependencyDraft> dependencies = new ArrayList<>();
        if (entry == null) {
            return dependencies;
        }
        if (entry.value() instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                values.nonBlankText("depends_on", item).ifPresent(service ->
                        dependencies.add(new DependencyDraft(service, Optional.empty(), item.location())));
            }
        } else if (entry.value() instanceof YamlNode.Mapping mapping) {
            mapping.entries().forEach((service, value) -> condition(value.value())
                    .ifPresent(c -> dependencies.add(new DependencyDraft(service, Optional.of(c), value.keyLocation()))));
        } else {
            values.wrongType("depends_on", entry.value(), "a list of services, or a mapping of service:"
                    + " started|ready|completed");
        }
        return dependencies;
    }

    private Optional<Condition> condition(YamlNode node) {
        List<String> words = List.of("started", "ready", "completed");
        Optional<String> text = values.text("depends_on condition", node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String word = text.get().strip().toLowerCase(Locale.ROOT);
        if (!words.contains(word)) {
            problems.add(node.location(), "unknown condition `" + text.get() + "`: use `started`, `ready` or"
                    + " `completed`" + Suggestions.hint(word, words));
            return Optional.empty();
        }
        return Optional.of(Condition.valueOf(word.toUpperCase(Locale.ROOT)));
    }
}
