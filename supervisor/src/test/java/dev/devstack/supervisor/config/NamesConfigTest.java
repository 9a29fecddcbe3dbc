package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesConfigTest {

    @TempDir
    Path dir;

    private ProjectFolder folder() {
        return new ProjectFolder(dir);
    }

    @Test
    void urlsAreByPortUnlessTheFileSaysNamesAndTheFrontDoorIsAServiceWithAPort() {
        assertThat(folder().write("ports.yaml", """
                services:
                  web: { command: ./web }
                """).load().names()).isEqualTo(Names.NONE);

        StackConfig named = folder().write("ports.yaml", """
                urls: names
                front_door: web
                services:
                  web: { command: ./web }
                  worker: { command: ./worker, port: none }
                """).load();

        assertThat(named.names()).isEqualTo(new Names(true, Optional.of("web")));
        assertThat(folder().write("ports.yaml", """
                urls: ports
                services:
                  web: { command: ./web }
                """).load().names().inUrls()).isFalse();
    }

    @Test
    void aWrongUrlsOrFrontDoorIsAProblemAtItsLine() {
        assertThat(folder().write("ports.yaml", """
                urls: hostnames
                front_door: nope
                services:
                  web: { command: ./web }
                  worker: { command: ./worker, port: none }
                """).problems()).containsExactly(
                "ports.yaml:1:7: `urls` must be `ports` (http://127.0.0.1:PORT, the default) or `names`"
                        + " (http://SERVICE.PROJECT.localhost:PORT through the agent), got `hostnames`",
                "ports.yaml:2:13: `front_door` names `nope`, which is no service of this file; it has: web, worker");
        assertThat(folder().write("ports.yaml", """
                front_door: worker
                services:
                  web: { command: ./web }
                  worker: { command: ./worker, port: none }
                """).problems()).containsExactly("ports.yaml:1:13: `front_door` names `worker`, which has no port"
                + " (`port: none`); the project's name can only lead to a service with a port");
    }
}
