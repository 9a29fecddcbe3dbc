package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {

    @TempDir
    Path dir;

    private ServiceSpec service(String yaml) {
        return new ProjectFolder(dir).write("ports.yaml", yaml).load().services().get(0);
    }

    private static Map<String, String> env(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        spec.env().forEach((name, value) -> env.put(name, value.source()));
        return env;
    }

    private static String readyLog(ServiceSpec spec) {
        assertThat(spec.ready()).map(CheckSpec::kind).contains(CheckSpec.Kind.LOG);
        return spec.ready().orElseThrow().target();
    }

    @Test
    void viteGetsItsAddressAsArgumentsAppendedToTheCommandWhichKeepsItsLine() {
        ServiceSpec web = service("""
                services:
                  web:
                    command: npx vite
                    preset: vite
                """);

        assertThat(web.command().source()).isEqualTo("npx vite --host 127.0.0.1 --port $PORT --strictPort");
        assertThat(web.command().location()).hasToString("ports.yaml:3:14");
        assertThat(readyLog(web)).isEqualTo("ready in \\d+");
        assertThat(web.ready().orElseThrow().location()).hasToString("preset vite");
        assertThat(web.stop().signal()).isEqualTo(Signal.TERM);
        assertThat(web.env()).isEmpty();
    }

    @Test
    void eachPresetFillsInItsArgumentsEnvironmentReadinessAndStopSignal() {
        record Expected(String command, Map<String, String> env, String ready) {
        }
        Map<String, Expected> cases = new LinkedHashMap<>();
        cases.put("npm run dev --|next", new Expected("npm run dev -- -p $PORT -H 127.0.0.1",
                Map.of("NEXT_TELEMETRY_DISABLED", "1"), "Ready in"));
        cases.put("python3 manage.py runserver|django", new Expected("python3 manage.py runserver 127.0.0.1:$PORT",
                Map.of("PYTHONUNBUFFERED", "1"), "Starting development server at http://"));
        cases.put("python3 manage.py runserver --noreload|django", new Expected(
                "python3 manage.py runserver --noreload 127.0.0.1:$PORT", Map.of("PYTHONUNBUFFERED", "1"),
                "Starting development server at http://"));
        cases.put("python3 -m flask --app shop run|flask", new Expected("python3 -m flask --app shop run",
                Map.of("PYTHONUNBUFFERED", "1", "FLASK_RUN_HOST", "127.0.0.1", "FLASK_RUN_PORT", "${svc.port}"),
                "Running on http://"));
        cases.put("python3 -m uvicorn main:app|fastapi", new Expected("python3 -m uvicorn main:app",
                Map.of("PYTHONUNBUFFERED", "1", "UVICORN_HOST", "127.0.0.1", "UVICORN_PORT", "${svc.port}"),
                "Application startup complete"));
        cases.put("bin/rails server|rails", new Expected(
                "bin/rails server --pid tmp/pids/devstack-$DEVSTACK_INSTANCE-svc-$DEVSTACK_REPLICA.pid",
                Map.of("BINDING", "127.0.0.1"), "Listening on http://"));
        cases.put("java -jar app.jar|spring-boot", new Expected("java -jar app.jar",
                Map.of("SERVER_PORT", "${svc.port}", "SERVER_ADDRESS", "127.0.0.1"), "Started \\S+ in"));
        cases.put("python3 -m http.server|http.server", new Expected("python3 -m http.server $PORT --bind 127.0.0.1",
                Map.of("PYTHONUNBUFFERED", "1"), "Serving HTTP on"));

        cases.forEach((given, expected) -> {
            String[] commandAndPreset = given.split("\\|");
            ServiceSpec svc = service("""
                    services:
                      svc: { command: "%s", preset: %s }
                    """.formatted(commandAndPreset[0], commandAndPreset[1]));

            assertThat(svc.command().source()).as(given).isEqualTo(expected.command());
            assertThat(env(svc)).as(given).isEqualTo(expected.env());
            assertThat(readyLog(svc)).as(given).isEqualTo(expected.ready());
            assertThat(svc.stop().signal()).as(given).isEqualTo(Signal.TERM);
        });
    }

    @Test
    void expressOnlyAsksForLoopbackAndIsReadyWhenItsPortAnswers() {
        ServiceSpec api = service("""
                services:
                  api: { command: node server.js, preset: express }
                """);

        assertThat(api.command().source()).isEqualTo("node server.js");
        assertThat(env(api)).isEqualTo(Map.of("HOST", "127.0.0.1"));
        assertThat(api.ready()).map(CheckSpec::kind).contains(CheckSpec.Kind.TCP);
    }

    @Test
    void springBootIsGivenTwoMinutesToStart() {
        ServiceSpec app = service("""
                services:
                  app: { command: java -jar app.jar, preset: spring-boot }
                """);

        assertThat(app.ready().orElseThrow().timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void whatTheUserWritesWinsOverThePreset() {
        ServiceSpec api = service("""
                services:
                  api:
                    command: python3 -m flask run
                    preset: flask
                    env: { FLASK_RUN_HOST: localhost, DEBUG: "1" }
                    ready: { http: /health }
                    stop_signal: INT
                """);

        assertThat(env(api)).containsEntry("FLASK_RUN_HOST", "localhost").containsEntry("DEBUG", "1")
                .containsEntry("FLASK_RUN_PORT", "${api.port}");
        assertThat(api.env().get("FLASK_RUN_HOST").location()).hasToString("ports.yaml:5:28");
        assertThat(api.env().get("FLASK_RUN_PORT").location()).hasToString("preset flask");
        assertThat(api.ready()).map(CheckSpec::kind).contains(CheckSpec.Kind.HTTP);
        assertThat(api.stop().signal()).isEqualTo(Signal.INT);
    }

    @Test
    void theServicesOwnPortReachesItsEnvironment() {
        ServiceSpec api = service("""
                services:
                  api: { command: python3 -m uvicorn main:app, preset: fastapi, port: 8123 }
                """);

        assertThat(api.env().get("UVICORN_PORT").parts()).containsExactly(
                new Template.ServiceRef("api", "port", "", "${api.port}"));
        assertThat(api.port().mode()).isEqualTo(PortSpec.Mode.PREFERRED);
    }

    @Test
    void anUnknownPresetSuggestsTheNearestName() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  web: { command: npx vite, preset: vtie }
                  api: { command: ./api, preset: [flask] }
                """).problems()).containsExactly(
                "ports.yaml:2:37: unknown preset `vtie`; did you mean `vite`? (presets: vite, next, django, flask,"
                        + " fastapi, express, rails, spring-boot, http.server)",
                "ports.yaml:3:34: `preset` must be the name of a preset such as `vite`, got a list");
    }

    @Test
    void aCommandThatAlreadyChoosesTheAddressContradictsItsPreset() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  web: { command: vite --port 3000, preset: vite }
                  docs: { command: python3 -m http.server $PORT, preset: http.server }
                  admin: { command: python3 manage.py runserver 0.0.0.0:8000, preset: django }
                  api: { command: flask run --port=5000, preset: flask }
                """).problems()).containsExactly(
                "ports.yaml:2:19: the command of `web` already passes `--port`, and preset `vite` appends"
                        + " `--host 127.0.0.1 --port $PORT --strictPort` to listen on the service's port on 127.0.0.1;"
                        + " drop `--port` from the command or drop `preset: vite`",
                "ports.yaml:3:20: the command of `docs` already passes `$PORT`, and preset `http.server` appends"
                        + " `$PORT --bind 127.0.0.1` to listen on the service's port on 127.0.0.1; drop `$PORT` from"
                        + " the command or drop `preset: http.server`",
                "ports.yaml:4:21: the command of `admin` already passes `0.0.0.0:8000`, and preset `django` appends"
                        + " `127.0.0.1:$PORT` to listen on the service's port on 127.0.0.1; drop `0.0.0.0:8000` from"
                        + " the command or drop `preset: django`",
                "ports.yaml:5:19: the command of `api` already passes `--port`, and preset `flask` sets FLASK_RUN_HOST"
                        + " and FLASK_RUN_PORT to listen on the service's port on 127.0.0.1; drop `--port` from the"
                        + " command or drop `preset: flask`");
    }

    @Test
    void aPresetNeedsAServerWithAPortOfItsOwn() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  web: { command: npx vite, preset: vite, port: none }
                  api: { command: ./api, port: 5000 }
                  api2: { command: node server.js, preset: express, inherit_port: api }
                  migrate: { command: python3 manage.py runserver, preset: django, oneshot: true }
                  flask: { command: flask run, preset: flask, scale: 2 }
                  dev: { command: npm run dev, preset: vite }
                """).problems()).containsExactly(
                "ports.yaml:2:49: service `web` has `port: none`, but preset `vite` runs a server on the service's"
                        + " port; remove one of them",
                "ports.yaml:4:53: service `api2` has `inherit_port`, but preset `express` runs a server on a port of"
                        + " its own; remove one of them",
                "ports.yaml:5:68: service `migrate` is a one-shot task, but preset `django` runs a server until it is"
                        + " stopped; remove one of them",
                "ports.yaml:6:47: preset `flask` gives service `flask` its port in FLASK_RUN_PORT, which every replica"
                        + " would share; drop `scale`, or drop the preset and pass `$PORT` in the command",
                "ports.yaml:7:19: npm would read the arguments that preset `vite` appends (--host 127.0.0.1 --port"
                        + " $PORT --strictPort) as its own; end the command of `dev` with ` --` (`npm run dev --`) so"
                        + " that they reach the script");
    }

    @Test
    void argumentsAppendedAfterAShellCommentWouldBeCommentedOut() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  docs: { command: "python3 -m http.server # the docs", preset: http.server }
                  web: { command: "echo '# not a comment' && npx vite", preset: vite }
                  api: { command: "uvicorn main:app # FastAPI", preset: fastapi }
                  ui: { command: "cd ui && npx vite 2>&1", preset: vite }
                """).problems()).containsExactly("ports.yaml:2:20: the command of `docs` holds a shell comment"
                + " (`# the docs`), so what preset `http.server` appends ($PORT --bind 127.0.0.1) would not reach the"
                + " server, which would listen where the command alone says; make the server the command's last word"
                + " (a comment goes into ports.yaml after the command's closing quote, a pipe into a script) or drop"
                + " the preset");
    }

    @Test
    void argumentsAppendedAfterAPipeABackgroundOrToAShellScriptWouldMissTheServer() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  a: { command: "npx vite | tee vite.log", preset: vite }
                  b: { command: "npx vite &", preset: vite }
                  c: { command: "sh -c 'npx vite'", preset: vite }
                """).problems()).extracting(p -> p.substring(0, p.indexOf(", so what")))
                .containsExactly("ports.yaml:2:17: the command of `a` holds a pipe (`| tee vite.log`), whose last"
                                + " command would get them",
                        "ports.yaml:3:17: the command of `b` holds a lone `&`, after which they would be a command of"
                                + " their own",
                        "ports.yaml:4:17: the command of `c` holds a `sh -c` script, whose appended words are its"
                                + " parameters");
    }

    @Test
    void replicasOfAPresetThatAppendsThePortEachGetTheirOwn() {
        ServiceSpec docs = service("""
                services:
                  docs: { command: python3 -m http.server, preset: http.server, scale: 3 }
                """);

        assertThat(docs.scale()).isEqualTo(3);
        assertThat(docs.command().source()).contains("$PORT");
        assertThat(Optional.of(docs.units())).map(u -> u.size()).contains(3);
    }

    @Test
    void aServiceWhoseNameIsWrongKeepsItsPresetOutOfTheProblems() {
        assertThat(new ProjectFolder(dir).write("ports.yaml", """
                services:
                  my.api: { command: flask run, preset: flask }
                """).problems()).containsExactly("ports.yaml:2:3: `my.api` is not a valid service name: use letters,"
                + " digits, _ and -, starting with a letter or digit");
    }
}
