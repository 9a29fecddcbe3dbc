package dev.devstack.supervisor.config;

import dev.devstack.supervisor.Signal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The frameworks devstack knows how to start on a given port (docs/configuration.md, "Presets for
 * frameworks", has the same table). Where a framework reads its address from the environment that
 * form is used, because it survives wrappers (`npm run`, `mvn`, scripts) and argument order; the
 * others get arguments. Every one is stopped with SIGTERM to its process group: SIGINT is ignored by
 * a Python started from a script run in the background, and a reloader's child outlives a signal
 * to its parent alone.
 */
final class Presets {

    private static final Pattern PORT_ARGUMENT = Pattern.compile("\\d{2,5}|\\$\\{?PORT}?");
    private static final Pattern ADDRESS_AND_PORT = Pattern.compile("(?:\\S*:)?(?:\\d{2,5}|\\$\\{?PORT}?)");
    private static final Map<String, String> PYTHON = env("PYTHONUNBUFFERED", "1");

    static final Map<String, Preset> ALL = catalogue(
            new Preset("vite", List.of("--host", "127.0.0.1", "--port", "$PORT", "--strictPort"), env(),
                    Optional.of("ready in \\d+"), Optional.empty(), Signal.TERM, List.of("--host", "--port"),
                    Optional.empty()),
            new Preset("next", List.of("-p", "$PORT", "-H", "127.0.0.1"), env("NEXT_TELEMETRY_DISABLED", "1"),
                    Optional.of("Ready in"), Optional.empty(), Signal.TERM, List.of("-p", "--port", "-H", "--hostname"),
                    Optional.empty()),
            new Preset("django", List.of("127.0.0.1:$PORT"), PYTHON,
                    Optional.of("Starting development server at http://"), Optional.empty(), Signal.TERM,
                    List.of(), Optional.of(ADDRESS_AND_PORT)),
            new Preset("flask", List.of(), python(env("FLASK_RUN_HOST", "127.0.0.1",
                    "FLASK_RUN_PORT", Preset.OWN_PORT)), Optional.of("Running on http://"), Optional.empty(), Signal.TERM,
                    List.of("--host", "-h", "--port", "-p"), Optional.empty()),
            new Preset("fastapi", List.of(), python(env("UVICORN_HOST", "127.0.0.1",
                    "UVICORN_PORT", Preset.OWN_PORT)), Optional.of("Application startup complete"), Optional.empty(),
                    Signal.TERM, List.of("--host", "--port", "--uds", "--fd"), Optional.empty()),
            new Preset("express", List.of(), env("HOST", "127.0.0.1"), Optional.empty(), Optional.empty(), Signal.TERM,
                    List.of(), Optional.empty()),
            new Preset("rails", List.of("--pid", "tmp/pids/devstack-$DEVSTACK_INSTANCE-" + Preset.SERVICE
                    + "-$DEVSTACK_REPLICA.pid"), env("BINDING", "127.0.0.1"), Optional.of("Listening on http://"),
                    Optional.empty(), Signal.TERM, List.of("-p", "--port", "-b", "--binding", "-P", "--pid"),
                    Optional.empty()),
            new Preset("spring-boot", List.of(), env("SERVER_PORT", Preset.OWN_PORT,
                    "SERVER_ADDRESS", "127.0.0.1"), Optional.of("Started \\S+ in"), Optional.of(Duration.ofMinutes(2)),
                    Signal.TERM, List.of("--server.port", "-Dserver.port", "--server.address", "-Dserver.address"),
                    Optional.empty()),
            new Preset("http.server", List.of("$PORT", "--bind", "127.0.0.1"), PYTHON, Optional.of("Serving HTTP on"),
                    Optional.empty(), Signal.TERM, List.of("--bind", "-b"), Optional.of(PORT_ARGUMENT)));

    private Presets() {
    }

    static Optional<Preset> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** Variables in the order they are written, as the docs' table lists them. */
    private static Map<String, String> env(String... namesAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return env;
    }

    private static Map<String, String> python(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(PYTHON);
        all.putAll(env);
        return all;
    }

    private static Map<String, Preset> catalogue(Preset... presets) {
        Map<String, Preset> all = new LinkedHashMap<>();
        for (Preset preset : presets) {
            all.put(preset.name(), preset);
        }
        return Collections.unmodifiableMap(all);
    }
}
