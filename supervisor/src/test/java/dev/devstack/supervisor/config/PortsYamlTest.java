package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsYamlTest {

    @TempDir
    Path dir;

    private ProjectFolder folder() {
        return new ProjectFolder(dir);
    }

    @Test
    void onConflictTakesItsThreeWordsAndStrictIsTheOldSpellingOfFail() {
        StackConfig config = folder().write("ports.yaml", """
                services:
                  a: { command: ./a, port: 3000, on_conflict: kill-own }
                  b: { command: ./b, port: 3001, on_conflict: FAIL }
                  c: { command: ./c, port: 3002, strict: true }
                  d: { command: ./d, port: 3003 }
                """).load();

        assertThat(config.services()).extracting(ServiceSpec::onConflict)
                .containsExactly(OnConflict.KILL_OWN, OnConflict.FAIL, OnConflict.FAIL, OnConflict.NEXT);
    }

    @Test
    void aBadOnConflictIsAnErrorWithItsLine() {
        assertThat(folder().write("ports.yaml", """
                services:
                  a: { command: ./a, port: 3000, on_conflict: kill }
                  b: { command: ./b, port: 3001, strict: true, on_conflict: next }
                  c: { command: ./c, on_conflict: fail }
                """).problems()).containsExactly(
                "ports.yaml:2:47: `on_conflict` must be `next`, `fail` or `kill-own`, got `kill`",
                "ports.yaml:3:34: service `b` has `strict: true` and `on_conflict: next`, which contradict each other;"
                        + " keep one of them",
                "ports.yaml:4:22: `on_conflict: fail` needs a fixed port, e.g. `port: 5432`; service `c` has none");
    }

    @Test
    void ttyIsABooleanThatIsOffUnlessAsked() {
        StackConfig config = folder().write("ports.yaml", """
                services:
                  repl: { command: python3 -i, port: none, tty: true }
                  web: { command: ./web }
                """).load();

        assertThat(config.services()).extracting(ServiceSpec::tty).containsExactly(true, false);
        assertThat(folder().write("ports.yaml", """
                services:
                  repl: { command: python3 -i, tty: please }
                """).problems()).containsExactly("ports.yaml:2:37: `tty` must be true or false, got the text 'please'");
    }

    @Test
    void aPidfileIsAPathInTheServicesFolderAndNeedsAServiceThatCanDaemonize() {
        StackConfig config = folder().write("api/.keep", "").write("ports.yaml", """
                services:
                  api: { command: ./api, cwd: api, pidfile: run/api.pid }
                  web: { command: ./web }
                """).load();

        assertThat(config.service("api").orElseThrow().pidfile()).contains(dir.resolve("api/run/api.pid"));
        assertThat(config.service("web").orElseThrow().pidfile()).isEmpty();
        assertThat(folder().write("ports.yaml", """
                services:
                  task: { command: ./task, port: none, oneshot: true, pidfile: t.pid }
                  api: { command: ./api, scale: 2, pidfile: a.pid }
                  web: { command: ./web, pidfile: "a\\0b" }
                """).problems()).containsExactly(
                "ports.yaml:2:55: `task` is a one-shot task: it runs to completion, so it has no daemon whose pid a"
                        + " `pidfile` could name; remove one of them",
                "ports.yaml:3:36: `api` has 2 replicas, which would all write the one `pidfile`; drop `pidfile` (a"
                        + " daemon listening on its port is found without it) or `scale`",
                "ports.yaml:4:35: this text holds the NUL character (\\0), which no command, path or variable can hold;"
                        + " remove it",
                "ports.yaml:4:35: `pidfile` is not a valid path: Nul character not allowed");
    }

    @Test
    void everyKeyOfAServiceIsRead() {
        StackConfig config = folder().write("api/.keep", "").write("ports.yaml", """
                project: shop
                range: 4000-4999
                services:
                  db:
                    command: postgres -p $PORT
                    port: 5432
                    strict: true
                    stop_timeout: 10s
                  api:
                    command: python3 app.py --port ${api.port}
                    cwd: api
                    port: [8000, 8001]
                    ports: { metrics: auto, admin: 9100 }
                    env: { DATABASE_URL: "postgres://127.0.0.1:${db.port}/shop", WORKERS: 4 }
                    depends_on: { db: started }
                  ws:
                    command: node ws.js
                    inherit_port: api
                  worker:
                    command: python3 worker.py
                    port: none
                    depends_on: [api, ws]
                """).load();

        assertThat(config.project()).isEqualTo("shop");
        assertThat(config.range()).isEqualTo(new PortRange(4000, 4999));
        assertThat(config.services()).extracting(ServiceSpec::name).containsExactly("db", "api", "ws", "worker");

        ServiceSpec db = config.service("db").orElseThrow();
        assertThat(db.port()).isEqualTo(PortSpec.preferred(List.of(5432)));
        assertThat(db.onConflict()).isEqualTo(OnConflict.FAIL);
        assertThat(db.stop().timeout()).isEqualTo(Duration.ofSeconds(10));

        ServiceSpec api = config.service("api").orElseThrow();
        assertThat(api.cwd()).isEqualTo(dir.resolve("api"));
        assertThat(api.port().preferred()).containsExactly(8000, 8001);
        assertThat(api.namedPorts()).containsExactly(Map.entry("metrics", PortSpec.auto()),
                Map.entry("admin", PortSpec.preferred(List.of(9100))));
        assertThat(api.env()).containsOnlyKeys("DATABASE_URL", "WORKERS");
        assertThat(api.env().get("WORKERS").source()).isEqualTo("4");
        assertThat(api.dependsOn()).extracting(Dependency::service, Dependency::condition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("db", Condition.STARTED));
        assertThat(api.stop()).isEqualTo(StopSpec.DEFAULT);

        assertThat(config.service("ws").orElseThrow().inheritPort()).contains("api");
        ServiceSpec worker = config.service("worker").orElseThrow();
        assertThat(worker.port()).isEqualTo(PortSpec.none());
        assertThat(worker.dependsOn()).extracting(Dependency::condition)
                .as("a listed dependency with a port means ready; one without means started")
                .containsExactly(Condition.READY, Condition.STARTED);
    }

    @Test
    void defaultsApplyWhenKeysAreLeftOut() {
        StackConfig config = folder().write("ports.yaml", "services:\n  web:\n    command: ./web\n").load();

        assertThat(config.project()).isEqualTo(dir.getFileName().toString());
        assertThat(config.range()).isEqualTo(PortRange.DEFAULT);
        assertThat(config.service("web").orElseThrow().port()).isEqualTo(PortSpec.auto());
        assertThat(config.service("web").orElseThrow().cwd()).isEqualTo(dir);
    }

    @Test
    void theEnvFileIsReadAndItsPortIsIgnoredWithAWarning() {
        StackConfig config = folder().write(".env", "SECRET=s3cret\nPORT=5000\n")
                .write("ports.yaml", "services:\n  web:\n    command: ./web ${env.SECRET}\n").load();

        assertThat(config.envFile()).containsExactly(Map.entry("SECRET", "s3cret"));
        assertThat(config.warnings()).singleElement().asString().contains("PORT in the env file is ignored");
    }

    @Test
    void anExplicitEnvFileIsUsed() {
        StackConfig config = folder().write("config/dev.env", "A=1\n")
                .write("ports.yaml", "env_file: config/dev.env\nservices:\n  web:\n    command: ./web\n").load();

        assertThat(config.envFile()).containsExactly(Map.entry("A", "1"));
    }

    @Test
    void malformedYamlIsReportedWhereTheBrokenConstructStarts() {
        assertThat(folder().write("ports.yaml", "services:\n  api:\n    command: [a\n  web: b\n").problems())
                .containsExactly("ports.yaml:3:14: malformed YAML: a list in [ ] starts here and breaks at line 4,"
                        + " column 6: expected ',' or ']', but got :");
        assertThat(folder().write("ports.yaml", "services:\n\tapi: x\n").problems())
                .singleElement().asString().startsWith("ports.yaml:2:1: malformed YAML: found character '\\t(TAB)'");
    }

    @Test
    void unknownKeysAreReportedWithASuggestion() {
        assertThat(folder().write("ports.yaml", """
                servces: {}
                services:
                  api:
                    comand: x
                    command: ./api
                    colour: red
                """).problems()).containsExactly(
                "ports.yaml:1:1: unknown key `servces` at the top level; did you mean `services`?",
                "ports.yaml:4:5: unknown key `comand` in service `api`; did you mean `command`?",
                "ports.yaml:6:5: unknown key `colour` in service `api` (known keys: " + String.join(", ",
                        ServiceReader.KEYS) + ")");
    }

    @Test
    void wrongTypesNameTheKeyAndWhatWasFound() {
        assertThat(folder().write("ports.yaml", """
                services:
                  api:
                    command: ./api
                    port: abc
                    strict: maybe
                    env: [A, B]
                    depends_on: 5
                    stop_timeout: soon
                """).problems()).containsExactly(
                "ports.yaml:4:11: `port` must be a port number, a list of them, `auto` or `none`, got the text 'abc'",
                "ports.yaml:5:13: `strict` must be true or false, got the text 'maybe'",
                "ports.yaml:6:10: `env` must be a mapping of NAME: value, got a list",
                "ports.yaml:7:17: `depends_on` must be a list of services, or a mapping of service:"
                        + " started|ready|completed, got the number 5",
                "ports.yaml:8:19: `stop_timeout` must be a duration between 1ms and 1h such as `5s` or `500ms`,"
                        + " got `soon`");
    }

    @Test
    void portsOutsideTheValidRangeOrPrivilegedAreRejected() {
        assertThat(folder().write("ports.yaml", """
                services:
                  a: { command: ./a, port: 70000 }
                  b: { command: ./b, port: 0 }
                  c: { command: ./c, port: 80 }
                  d: { command: ./d, ports: { admin: [3000, 443] } }
                """).problems()).containsExactly(
                "ports.yaml:2:28: `port`: 70000 is not a port; ports are 1-65535",
                "ports.yaml:3:28: `port`: 0 is not a port; ports are 1-65535",
                "ports.yaml:4:28: `port`: port 80 is privileged (below 1024) and only root may bind it;"
                        + " use a port of 1024 or more",
                "ports.yaml:5:45: `port`: port 443 is privileged (below 1024) and only root may bind it;"
                        + " use a port of 1024 or more");
    }

    @Test
    void twoServicesInsistingOnTheSameStrictPortAreRejected() {
        assertThat(folder().write("ports.yaml", """
                services:
                  db: { command: ./db, port: 5432, strict: true }
                  db2: { command: ./db, port: 5432, strict: true }
                  other: { command: ./o, port: 5432 }
                """).problems()).containsExactly(
                "ports.yaml:3:3: services `db` and `db2` both insist on port 5432 (strict or on_conflict); only one can have it");
    }

    @Test
    void strictWithoutAFixedPortIsRejected() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, strict: true }\n").problems())
                .containsExactly("ports.yaml:2:22: `strict: true` needs a fixed port, e.g. `port: 5432`;"
                        + " service `a` has none");
    }

    @Test
    void missingAndEmptyCommandsAreRejected() {
        assertThat(folder().write("ports.yaml", """
                services:
                  a: { port: 3000 }
                  b: { command: "  " }
                  c: ./c
                """).problems()).containsExactly(
                "ports.yaml:2:3: service `a` has no `command`",
                "ports.yaml:3:17: `command` is empty",
                "ports.yaml:4:6: service `c` must be a mapping with at least `command:`, got the text './c'");
    }

    @Test
    void badRangesAreRejected() {
        for (String range : List.of("4999-4000", "80-2000", "abc", "4000-70000")) {
            assertThat(folder().write("ports.yaml", "range: " + range + "\nservices:\n  a: { command: ./a }\n")
                    .problems()).as(range).singleElement().asString().startsWith("ports.yaml:1:8: `range`");
        }
    }

    @Test
    void unknownDependenciesAreReportedWithASuggestion() {
        assertThat(folder().write("ports.yaml", """
                services:
                  api: { command: ./api }
                  web: { command: ./web, depends_on: [apy] }
                  job: { command: ./job, depends_on: { api: whenever } }
                """).problems()).containsExactly(
                "ports.yaml:3:39: service `web` depends on `apy`, which is not defined; did you mean `api`?",
                "ports.yaml:4:45: unknown condition `whenever`: use `started`, `ready` or `completed`");
    }

    @Test
    void aDependencyCycleIsReportedWithItsWholePath() {
        assertThat(folder().write("ports.yaml", """
                services:
                  api: { command: ./api, depends_on: [db] }
                  db: { command: ./db, depends_on: [web] }
                  web: { command: ./web, depends_on: [api] }
                  self: { command: ./self, depends_on: [self] }
                """).problems()).containsExactly(
                "ports.yaml:2:39: dependency cycle: api → db → web → api; remove one of these `depends_on` entries",
                "ports.yaml:5:41: dependency cycle: self → self; remove one of these `depends_on` entries");
    }

    @Test
    void waitingForReadinessOfAServiceWithoutAPortIsRejected() {
        assertThat(folder().write("ports.yaml", """
                services:
                  worker: { command: ./w, port: none }
                  api: { command: ./api, depends_on: { worker: ready } }
                """).problems()).containsExactly(
                "ports.yaml:3:40: `api` waits for `worker` to be ready, but `worker` has no port of its own and no"
                        + " `ready:` check; use `started`, or give it `ready: { log: REGEX }`");
    }

    @Test
    void aListedOneShotDependencyMeansCompletedAndCompletedNeedsAOneShot() {
        StackConfig config = folder().write("ports.yaml", """
                services:
                  migrate: { command: ./migrate, port: none, oneshot: true }
                  api: { command: ./api, depends_on: [migrate] }
                """).load();

        assertThat(config.service("migrate").orElseThrow().oneshot()).isTrue();
        assertThat(config.service("api").orElseThrow().dependsOn()).extracting(Dependency::condition)
                .containsExactly(Condition.COMPLETED);

        assertThat(folder().write("ports.yaml", """
                services:
                  migrate: { command: ./migrate, oneshot: true }
                  api: { command: ./api, depends_on: { migrate: ready } }
                  web: { command: ./web, depends_on: { api: completed } }
                """).problems()).containsExactly(
                "ports.yaml:3:40: `api` waits for `migrate` to be ready, but `migrate` is a one-shot task;"
                        + " use `completed` or `started`",
                "ports.yaml:4:40: `web` waits for `api` to complete, but `api` runs until stopped; add"
                        + " `oneshot: true` to it, or wait for `started` or `ready`");
    }

    @Test
    void restartKeysAreReadAndAYamlNoMeansNo() {
        StackConfig config = folder().write("ports.yaml", """
                services:
                  a: { command: ./a, restart: on-failure, backoff: 0, max_restarts: 5 }
                  b: { command: ./b, restart: no }
                  c: { command: ./c }
                """).load();

        assertThat(config.service("a").orElseThrow().restart()).isEqualTo(new RestartPolicy(
                RestartPolicy.Mode.ON_FAILURE, java.time.Duration.ZERO, java.util.OptionalInt.of(5)));
        assertThat(config.service("b").orElseThrow().restart().mode()).isEqualTo(RestartPolicy.Mode.NO);
        assertThat(config.service("c").orElseThrow().restart()).isEqualTo(RestartPolicy.NEVER);
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, restart: allways, max_restarts: -1 }\n")
                .problems()).containsExactly(
                "ports.yaml:2:31: `restart` must be `no`, `on-failure` or `always`, got `allways`; did you mean `always`?",
                "ports.yaml:2:54: `max_restarts` must be a whole number of at least 0, got -1");
    }

    @Test
    void readinessAndHealthChecksAreReadWithTheirDefaults() {
        StackConfig config = folder().write("ports.yaml", """
                services:
                  api:
                    command: ./api
                    ready: { http: /healthz, status: 200-204, timeout: 30s }
                    health: { http: /healthz }
                    restart_on_unhealthy: true
                  worker: { command: ./w, port: none, ready: { log: "started in \\\\d+ms", retries: 2 } }
                  web: { command: ./web }
                  job: { command: ./job, port: none }
                """).load();

        CheckSpec ready = config.service("api").orElseThrow().ready().orElseThrow();
        assertThat(ready.kind()).isEqualTo(CheckSpec.Kind.HTTP);
        assertThat(ready.target()).isEqualTo("/healthz");
        assertThat(ready.status()).isEqualTo(new CheckSpec.StatusRange(200, 204));
        assertThat(ready.timeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        CheckSpec health = config.service("api").orElseThrow().health().orElseThrow();
        assertThat(health.interval()).contains(CheckSpec.HEALTH_INTERVAL);
        assertThat(health.timeout()).isEqualTo(CheckSpec.HEALTH_TIMEOUT);
        assertThat(health.retries()).hasValue(CheckSpec.HEALTH_RETRIES);
        assertThat(config.service("api").orElseThrow().restartOnUnhealthy()).isTrue();
        assertThat(config.service("worker").orElseThrow().ready().orElseThrow().target()).isEqualTo("started in \\d+ms");
        assertThat(config.service("web").orElseThrow().ready().orElseThrow().kind()).as("the default")
                .isEqualTo(CheckSpec.Kind.TCP);
        assertThat(config.service("job").orElseThrow().ready()).isEmpty();
    }

    @Test
    void badChecksAreReportedWhereTheyAre() {
        assertThat(folder().write("ports.yaml", """
                services:
                  a: { command: ./a, ready: { http: /x, tcp: true } }
                  b: { command: ./b, ready: { log: "(unclosed" } }
                  c: { command: ./c, port: none, ready: { http: /x } }
                  d: { command: ./d, health: { log: x } }
                  e: { command: ./e, ready: { exec: ./check, status: 200 } }
                  f: { command: ./f, restart_on_unhealthy: true }
                  g: { command: ./g, port: none, oneshot: true, ready: { exec: x } }
                  h: { command: ./h, ready: { http: healthz } }
                """).problems()).containsExactly(
                "ports.yaml:2:29: `ready` needs exactly one of `tcp: true`, `http: PATH`, `log: REGEX`, `exec: COMMAND`;"
                        + " it has http, tcp",
                "ports.yaml:3:36: `ready.log` is not a valid regular expression: Unclosed group near index 9",
                "ports.yaml:4:41: `c` has no port of its own for a http check; use `log` or `exec`",
                "ports.yaml:5:32: `health` cannot use `log`; use `tcp`, `http` or `exec`",
                "ports.yaml:6:46: `ready.status` only goes with `http`",
                "ports.yaml:7:22: `restart_on_unhealthy` needs a `health` check to know when `f` is unhealthy",
                "ports.yaml:8:49: `g` is a one-shot task: it is not checked for readiness; dependents wait for it to complete",
                "ports.yaml:9:37: `ready.http` must be a path starting with /, got `healthz`");
    }

    @Test
    void inheritedPortsMustComeFromAServiceWithItsOwnPort() {
        assertThat(folder().write("ports.yaml", """
                services:
                  api: { command: ./api }
                  worker: { command: ./w, port: none }
                  ws: { command: ./ws, inherit_port: api, port: 3000 }
                  a: { command: ./a, inherit_port: worker }
                  b: { command: ./b, inherit_port: ws }
                  c: { command: ./c, inherit_port: apu }
                """).problems()).containsExactly(
                "ports.yaml:4:43: service `ws` has `inherit_port`, so it cannot have `port` as well; remove one of them",
                "ports.yaml:5:3: service `a` inherits the port of `worker`, which has `port: none`",
                "ports.yaml:6:3: service `b` inherits the port of `ws`, which inherits its own;"
                        + " write `inherit_port: api`",
                "ports.yaml:7:3: service `c` inherits the port of `apu`, which is not defined; did you mean `api`?");
    }

    @Test
    void referencesAreCheckedAgainstServicesPortsAndVariables() {
        assertThat(folder().environment(Map.of("HOME", "/home/dev")).write("ports.yaml", """
                services:
                  api: { command: "./api ${db.port} ${api.ports.admin} ${api.addr} ${env.HOEM} ${worker.url}" }
                  worker: { command: ./w, port: none }
                """).problems()).containsExactly(
                "ports.yaml:2:19: ${db.port}: there is no service `db` (references: ${service.port}, ${service.url},"
                        + " ${service.host}, ${service.ports.NAME}, ${env.NAME})",
                "ports.yaml:2:19: ${api.ports.admin}: service `api` has no port named `admin`",
                "ports.yaml:2:19: ${api.addr}: unknown attribute `addr`; use one of port, url, host, ports.NAME",
                "ports.yaml:2:19: ${env.HOEM}: `HOEM` is neither in your environment nor in the env file;"
                        + " did you mean `HOME`?",
                "ports.yaml:2:19: ${worker.url}: service `worker` has no port");
    }

    @Test
    void everyProblemOfEveryKindIsReportedInOneGo() {
        List<String> problems = folder().write("ports.yaml", """
                range: 9-8
                services:
                  api: { command: ./api, port: 80, depends_on: [nope] }
                  web: { comand: ./web }
                """).problems();

        assertThat(problems).hasSize(5);
        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(": ")))
                .containsExactly("ports.yaml:1:8", "ports.yaml:3:32", "ports.yaml:3:49", "ports.yaml:4:3",
                        "ports.yaml:4:10");
    }

    @Test
    void duplicateKeysAndBadNamesAreRejected() {
        assertThat(folder().write("ports.yaml", """
                services:
                  api: { command: ./a }
                  api: { command: ./b }
                  "my api": { command: ./c }
                  system: { command: ./d }
                """).problems()).containsExactly(
                "ports.yaml:3:3: `api` appears twice (first at line 2); keep one",
                "ports.yaml:4:3: `my api` is not a valid service name: use letters, digits, _ and -,"
                        + " starting with a letter or digit",
                "ports.yaml:5:3: `system` is the name devstack uses for its own messages; rename the service");
    }

    @Test
    void anEmptyFileSaysWhatItNeeds() {
        assertThat(folder().write("ports.yaml", "").problems()).containsExactly(
                "ports.yaml:1:1: the file is empty; it needs at least a `services:` mapping");
    }

    @Test
    void aMissingCwdIsReported() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, cwd: nowhere }\n").problems())
                .containsExactly("ports.yaml:2:27: `cwd`: folder " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void scaleHasABoundSoThatAHugeNumberDoesNotBecomeBillionsOfReplicas() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: 100 }\n").load()
                .service("a").orElseThrow().units()).hasSize(100);
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: 2000000000 }\n").problems())
                .containsExactly("ports.yaml:2:29: `scale` must be a whole number of 1 to 100, got 2000000000");
    }

    @Test
    void scaleMayBeGivenWithTheLimitsARunningStackScalesItWithin() {
        ServiceSpec limited = folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: { replicas: 2, max: 4 } }\n")
                .load().service("a").orElseThrow();
        assertThat(limited.units()).containsExactly("a.0", "a.1");
        assertThat(limited.scaleLimits()).isEqualTo(new ScaleLimits(1, 4));
        ServiceSpec atLeast = folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: { min: 3 } }\n")
                .load().service("a").orElseThrow();
        assertThat(atLeast.units()).as("replicas start at min").hasSize(3);
        assertThat(atLeast.scaleLimits()).isEqualTo(new ScaleLimits(3, ServiceSpec.MAX_SCALE));
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: 2 }\n").load()
                .service("a").orElseThrow().scaleLimits()).isEqualTo(ScaleLimits.ANY);
    }

    @Test
    void scaleLimitsThatContradictThemselvesAreReported() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: { replicas: 5, max: 4 } }\n")
                .problems()).containsExactly("ports.yaml:2:41: `scale` of `a` starts 5 replicas, outside its own"
                + " limits 1 to 4; change `replicas`, `min` or `max`");
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: { min: 3, max: 2 } }\n")
                .problems()).containsExactly("ports.yaml:2:29: `scale` of `a` has `min: 3` above `max: 2`; make `min`"
                + " at most `max`");
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: { most: 2 } }\n")
                .problems()).containsExactly("ports.yaml:2:31: `scale` of `a` takes `replicas`, `min` and `max`, not"
                + " `most`");
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, scale: { max: 200 } }\n")
                .problems()).containsExactly("ports.yaml:2:36: `scale: max` must be a whole number of 1 to 100, got 200");
    }

    @Test
    void quotedNumbersAreAcceptedAsPorts() {
        assertThat(folder().write("ports.yaml", "services:\n  a: { command: ./a, port: \"3000\" }\n").load()
                .service("a").map(ServiceSpec::port)).isEqualTo(Optional.of(PortSpec.preferred(List.of(3000))));
    }
}
