package dev.devstack.cli;

import dev.devstack.app.ProjectContext;
import dev.devstack.app.RegistryChoice;
import dev.devstack.store.DevstackHome;
import dev.devstack.supervisor.config.ConfigChoice;
import dev.devstack.supervisor.config.ProjectSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "devstack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs every service of a project on free, sticky ports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success (for `up`: the stack was stopped cleanly on request)",
                "1:`who`, `kill`: nothing listens on the port; `release`: nothing released; `kill`: you said no;"
                        + " `logs`, `restart`, `stop`, `start`, `kill`, `scale`: the running stack has no such service;"
                        + " `reload`, `scale`: the stack refused (stopping, a port it cannot have);"
                        + " `attach`: the connection to the stack was lost; `init`: nothing found to write from",
                "2:invalid configuration or command line; `attach`: not on a terminal; `init`: ports.yaml exists"
                        + " (use --force)",
                "3:a port the configuration insists on is taken, or no port is free in the range (or the team's pool);"
                        + " `agent`: its port is taken",
                "4:this project is already running; `agent run`: the agent runs already",
                "5:devstack's registry is unusable",
                "6:`down`, `agent stop`: it did not stop in time; `kill`: something still listens on the port",
                "7:`ports --require-running`, `status`, `wait`, `logs`, `restart`, `stop`, `start`, `kill SERVICE`,"
                        + " `reload`, `scale`, `attach`, `open`: the project is not running; `agent status`: no agent runs",
                "8:`up`, `up -d`, `wait`: a service failed (stderr names it and how it ended)",
                "9:`up -d`, `wait`: the time (--timeout) ran out before every service was there",
                "70:internal error"},
        footer = "%n`devstack help COMMAND` or `devstack COMMAND --help` explains a command and its options.")
final class DevstackCommand implements Callable<Integer> {

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Run as if started in DIR (the folder with ports.yaml or Procfile).")
    Path dir;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--instance", paramLabel = "NAME", scope = ScopeType.INHERIT, description = "Work on this instance"
            + " of the project: another copy of its stack in the same folder, with its own sticky ports, state and"
            + " socket (default: `default`).")
    String instance;

    @Option(names = "--env", paramLabel = "NAME", scope = ScopeType.INHERIT, description = "Use this environment of"
            + " ports.yaml's `environments:` (default: $DEVSTACK_ENV, else none); it runs as a copy of its own, with"
            + " its own sticky ports and state.")
    String env;

    @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT, description = "Override one value"
            + " of the configuration, such as `api.port=9000`, `api.env.DEBUG=1` or `range=5000-5999`; may be"
            + " repeated, the last one winning.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--registry", paramLabel = "WHERE", scope = ScopeType.INHERIT, description = "Use this registry:"
            + " `local` (this user's, on this machine) or `etcd://HOST:PORT[,HOST:PORT...][/NAMESPACE]` (a team's);"
            + " default: $DEVSTACK_REGISTRY, else `registry:` in ~/.config/devstack/config.yaml, else local.")
    String registry;

    /** Chooses the environment when `--env` is not given. */
    static final String ENVIRONMENT_VARIABLE = "DEVSTACK_ENV";

    @Spec
    CommandSpec spec;

    private final CliContext cli;
    private ProjectContext project;

    DevstackCommand(CliContext cli) {
        this.cli = cli;
    }

    /** `devstack` without a command: the help, on stderr, as for any other wrong command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(cli.err());
        return ExitCodes.USAGE;
    }

    CliContext cli() {
        return cli;
    }

    /**
     * The project the command works on: the nearest folder with a configuration, from -C DIR (else
     * the working folder) up; found once per command.
     */
    ProjectContext project() {
        if (project == null) {
            String name = instance == null ? ProjectContext.DEFAULT_INSTANCE : instance;
            if (!ProjectContext.INSTANCE_NAME.matcher(name).matches()) {
                throw new ParameterException(spec.commandLine(), "--instance " + name + ": an instance's name is 1 to 40"
                        + " lower-case letters, digits, `_`, `.` and `-`, starting with a letter or digit");
            }
            ConfigChoice choice = choice();
            Path projectDir = ProjectSearch.from(dir == null ? cli.workingDir() : cli.workingDir().resolve(dir));
            project = new ProjectContext(projectDir, environment(),
                    DevstackHome.resolve(cli.environment(), cli.userHome()),
                    ProjectContext.copyKey(name, choice.environment()), choice, cli.clock());
        }
        return project;
    }

    /** The user's environment, with `--registry` in it as DEVSTACK_REGISTRY, which it overrides. */
    private Map<String, String> environment() {
        if (registry == null) {
            return cli.environment();
        }
        Map<String, String> environment = new HashMap<>(cli.environment());
        environment.put(RegistryChoice.VARIABLE, registry);
        return environment;
    }

    private ConfigChoice choice() {
        String variable = cli.environment().get(ENVIRONMENT_VARIABLE);
        Optional<String> chosen = Optional.ofNullable(env).or(() -> Optional.ofNullable(variable)
                .filter(value -> !value.isEmpty()));
        chosen.filter(name -> !ProjectContext.INSTANCE_NAME.matcher(name).matches()).ifPresent(name -> {
            throw new ParameterException(spec.commandLine(), (env != null ? "--env " : ENVIRONMENT_VARIABLE + "=")
                    + name + ": an environment's name is 1 to 40 lower-case letters, digits, `_`, `.` and `-`,"
                    + " starting with a letter or digit");
        });
        return new ConfigChoice(chosen, env != null ? "--env" : ENVIRONMENT_VARIABLE, sets);
    }
}
