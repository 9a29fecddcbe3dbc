package dev.devstack.supervisor.config;

import dev.devstack.supervisor.DevstackException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a project folder into a validated {@link StackConfig}: {@code ports.yaml} when there is
 * one, with the layers {@link ConfigLayers} lays over it, else a Foreman {@code Procfile}; the env
 * file alongside. Every problem in every file is collected and reported together as one
 * {@link DevstackException} (invalid config).
 */
public final class ConfigLoader {

    public static final String PORTS_YAML = "ports.yaml";
    public static final String PROCFILE = "Procfile";
    /** A person's own overrides beside ports.yaml, laid over it whenever it exists. */
    public static final String PORTS_LOCAL_YAML = "ports.local.yaml";
    static final String DEFAULT_ENV_FILE = ".env";
    static final List<String> KEYS = List.of("project", "range", "env_file", Names.URLS, Names.FRONT_DOOR,
            "services");
    /** Top-level keys starting with {@code x-} hold fragments for anchors, as in Compose files; they are not read. */
    static final String EXTENSION_PREFIX = "x-";

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,9})\\s*-\\s*(\\d{1,9})\\s*");
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** Foreman gives process i of a Procfile the port PORT + 100·i when .env sets PORT. */
    private static final int FOREMAN_PORT_STEP = 100;

    /** The smallest useful ports.yaml, shown when there is none; docs/configuration.md has every key. */
    public static final List<String> STARTER = List.of(
            "services:",
            "  web:",
            "    command: python3 -m http.server $PORT",
            "every key is described in devstack's docs/configuration.md");

    private final Map<String, String> environment;
    private final ConfigChoice choice;

    /** @param environment the variables devstack runs with, for {@code ${env.NAME}} */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, ConfigChoice.NONE);
    }

    /** @param choice the environment and {@code --set} overrides chosen on the command line */
    public ConfigLoader(Map<String, String> environment, ConfigChoice choice) {
        this.environment = Map.copyOf(environment);
        this.choice = choice;
    }

    public StackConfig load(Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir.resolve(PORTS_YAML))) {
            return loadPortsYaml(dir);
        }
        if (Files.isRegularFile(dir.resolve(PROCFILE))) {
            return loadProcfile(dir);
        }
        throw DevstackException.invalidConfig("no " + PORTS_YAML + " or " + PROCFILE + " in " + dir
                + " or a folder above it; run devstack in your project (or give it -C DIR), or start one with a "
                + PORTS_YAML + " such as:", STARTER);
    }

    /** The configuration with every layer merged, before it is read into services: what `devstack config` shows. */
    public MergedConfig merged(Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(PORTS_YAML))) {
            load(dir);
            throw DevstackException.invalidConfig("`devstack config` shows how " + PORTS_YAML + " and its layers"
                    + " merge; " + dir + " has a " + PROCFILE + " only, which has none", List.of());
        }
        Problems problems = new Problems();
        Layered layered = layers(dir, problems);
        read(dir, layered, problems);
        return MergedConfig.of(layered, dir.getFileName().toString(), choice.environment());
    }

    private StackConfig loadPortsYaml(Path dir) {
        Problems problems = new Problems();
        return read(dir, layers(dir, problems), problems);
    }

    private Layered layers(Path dir, Problems problems) {
        Optional<Layered> layered = new ConfigLayers(dir, problems).read(choice);
        if (layered.isEmpty()) {
            problems.throwIfAny(PORTS_YAML);
            throw new IllegalStateException("unreachable: an unread file is a problem");
        }
        return layered.get();
    }

    /** The merged configuration validated into a stack; every problem, of any layer, thrown together. */
    private StackConfig read(Path dir, Layered layered, Problems problems) {
        YamlNode.Mapping top = layered.top();
        Values values = new Values(problems);
        top.entries().forEach((key, entry) -> {
            if (!KEYS.contains(key) && !key.startsWith(EXTENSION_PREFIX)) {
                values.unknownKey(key, entry.keyLocation(), "at the top level", KEYS);
            }
        });
        String project = Optional.ofNullable(top.entries().get("project"))
                .flatMap(e -> values.nonBlankText("project", e.value())
                        .filter(name -> printable(name, e.value(), problems)))
                .orElse(dir.getFileName().toString());
        PortRange range = Optional.ofNullable(top.entries().get("range"))
                .flatMap(e -> range(e.value(), values, problems)).orElse(PortRange.DEFAULT);
        Map<String, String> envFile = envFile(dir, top.entries().get("env_file"), values, problems);

        List<ServiceReader.Draft> drafts = new ArrayList<>();
        YamlNode.Entry services = top.entries().get("services");
        if (services == null) {
            problems.add(top.location(), "no `services:`; add at least one service with a `command`");
        } else if (!(services.value() instanceof YamlNode.Mapping mapping) || mapping.entries().isEmpty()) {
            problems.add(services.value().location(), "`services` must be a mapping of name: service, with at least one");
        } else {
            ServiceReader reader = new ServiceReader(dir, problems);
            mapping.entries().forEach((name, entry) -> {
                serviceName(name, entry.keyLocation(), problems);
                reader.read(name, entry.keyLocation(), entry.value()).ifPresent(drafts::add);
            });
        }

        List<String> warnings = new ArrayList<>();
        if (envFile.containsKey("PORT")) {
            warnings.add("PORT in the env file is ignored: devstack gives each service its own PORT;"
                    + " set `port:` in " + PORTS_YAML + " to prefer a number");
            envFile.remove("PORT");
        }
        StackValidator validator = new StackValidator(problems);
        List<ServiceSpec> specs = validator.resolveDependencies(drafts);
        validator.check(specs, variables(envFile));
        Names names = Names.read(top, specs, values, problems);
        problems.throwIfAny(PORTS_YAML);
        return new StackConfig(dir, PORTS_YAML, project, range, envFile, specs, warnings, choice.environment(), names);
    }

    private StackConfig loadProcfile(Path dir) {
        if (choice.environment().isPresent() || !choice.sets().isEmpty()) {
            throw DevstackException.invalidConfig((choice.sets().isEmpty() ? choice.environmentSource()
                    : "--set") + " changes " + PORTS_YAML + ", and " + dir + " has a " + PROCFILE + " only; write a "
                    + PORTS_YAML + " (`devstack init` makes one from the " + PROCFILE + ")", List.of());
        }
        Problems problems = new Problems();
        List<ProcfileReader.Entry> entries = text(dir, PROCFILE, problems)
                .map(text -> ProcfileReader.read(PROCFILE, text.lines().toList(), problems)).orElse(List.of());
        DotEnvReader.Variables variables = Files.isRegularFile(dir.resolve(DEFAULT_ENV_FILE))
                ? envFile(dir, DEFAULT_ENV_FILE, problems) : DotEnvReader.Variables.none();
        Map<String, String> envFile = variables.values();
        Optional<Integer> base = foremanBasePort(envFile.remove("PORT"), variables.locations().get("PORT"), problems);

        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ProcfileReader.Entry entry = entries.get(i);
            serviceName(entry.name(), entry.location(), problems);
            int index = i;
            PortSpec port = base.map(b -> b + FOREMAN_PORT_STEP * index).filter(p -> p <= 65535)
                    .map(p -> PortSpec.preferred(List.of(p))).orElse(PortSpec.auto());
            services.add(new ServiceSpec(entry.name(), entry.location(), Template.parse(entry.command(), entry.location()),
                    dir, Map.of(), port, Map.of(), OnConflict.NEXT, List.of(), Optional.empty(), StopSpec.DEFAULT,
                    RestartPolicy.NEVER, false, Optional.of(CheckSpec.tcp(entry.location())), Optional.empty(), false,
                    false, 1, ScaleLimits.ANY, Optional.empty(), List.of(), Optional.empty(), false));
        }
        new StackValidator(problems).check(services, variables(envFile));
        problems.throwIfAny(PROCFILE);
        return new StackConfig(dir, PROCFILE, dir.getFileName().toString(), PortRange.DEFAULT, envFile, services,
                List.of(), Optional.empty(), Names.NONE);
    }

    private Optional<Integer> foremanBasePort(String value, Location location, Problems problems) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.strip().matches("\\d{4,5}") || Integer.parseInt(value.strip()) > 65535) {
            problems.add(location, "PORT=" + value + " is not a port number of 1024-65535;"
                    + " as in Foreman, it is the first service's preferred port");
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value.strip()));
    }

    private Map<String, String> variables(Map<String, String> envFile) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(envFile);
        return all;
    }

    private static Optional<PortRange> range(YamlNode node, Values values, Problems problems) {
        Optional<String> text = values.text("range", node);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = RANGE.matcher(text.get());
        if (!matcher.matches()) {
            problems.add(node.location(), "`range` must look like `4000-4999`, got `" + text.get() + "`");
            return Optional.empty();
        }
        long first = Long.parseLong(matcher.group(1));
        long last = Long.parseLong(matcher.group(2));
        if (first > last || last > 65535) {
            problems.add(node.location(), "`range` " + text.get() + " must go from a lower to a higher port, at most 65535");
            return Optional.empty();
        }
        if (first < Values.LOWEST_UNPRIVILEGED) {
            problems.add(node.location(), "`range` " + text.get() + " starts below 1024, where only root may bind;"
                    + " start it at 1024 or more");
            return Optional.empty();
        }
        return Optional.of(new PortRange((int) first, (int) last));
    }

    private Map<String, String> envFile(Path dir, YamlNode.Entry entry, Values values, Problems problems) {
        if (entry == null) {
            return Files.isRegularFile(dir.resolve(DEFAULT_ENV_FILE))
                    ? envFile(dir, DEFAULT_ENV_FILE, problems).values() : new LinkedHashMap<>();
        }
        Optional<String> name = values.nonBlankText("env_file", entry.value());
        if (name.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Path file;
        try {
            file = dir.resolve(name.get()).normalize();
        } catch (InvalidPathException e) {
            problems.add(entry.value().location(), "`env_file` is not a valid path: " + e.getReason());
            return new LinkedHashMap<>();
        }
        if (!Files.isRegularFile(file)) {
            problems.add(entry.value().location(), "`env_file`: " + file + (Files.exists(file)
                    ? " is not a regular file" : " does not exist"));
            return new LinkedHashMap<>();
        }
        return envFile(dir, dir.relativize(file).toString(), problems).values();
    }

    private static DotEnvReader.Variables envFile(Path dir, String label, Problems problems) {
        return text(dir, label, problems).map(text -> DotEnvReader.read(label, text.lines().toList(), problems))
                .orElse(DotEnvReader.Variables.none());
    }

    /** The project's name is printed by every command: a control character in it would drive the terminal. */
    private static boolean printable(String project, YamlNode node, Problems problems) {
        OptionalInt control = project.codePoints().filter(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT).findFirst();
        control.ifPresent(c -> problems.add(node.location(), String.format("`project` holds the character U+%04X,"
                + " which would be sent to the terminal as it is; use plain text", c)));
        return control.isEmpty();
    }

    private static void serviceName(String name, Location location, Problems problems) {
        if (!SERVICE_NAME.matcher(name).matches()) {
            problems.add(location, "`" + name + "` is not a valid service name: use letters, digits, _ and -,"
                    + " starting with a letter or digit");
        } else if (name.equals("system")) {
            problems.add(location, "`system` is the name devstack uses for its own messages; rename the service");
        }
    }

    private static Optional<String> text(Path dir, String label, Problems problems) {
        return TextFile.read(dir.resolve(label), label, problems);
    }
}
