package dev.devstack.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.agent.proxy.LocalAnswer;
import dev.devstack.agent.proxy.LocalRequest;
import dev.devstack.app.http.ApiToken;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's part of the agent's site, asked as the proxy asks it, on a real registry file. */
class RegistrySiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private AgentRegistry registry;
    private RegistrySite site;
    private String token;

    @BeforeEach
    void start() throws Exception {
        registry = AgentRegistry.start(home, Clock.systemUTC(), warning -> { });
        ApiToken apiToken = ApiToken.of(home);
        token = Files.readString(apiToken.file()).strip();
        site = registry.site(apiToken);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private LocalAnswer ask(String method, String target, String body, boolean withToken) {
        Map<String, String> headers = new HashMap<>();
        if (withToken) {
            headers.put("authorization", "Bearer " + token);
        }
        return site.answer(new LocalRequest(method, target, headers, body.getBytes(StandardCharsets.UTF_8),
                new InetSocketAddress("127.0.0.1", 40000))).join();
    }

    private static JsonNode json(LocalAnswer answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    @Test
    void aClaimNeedsTheTokenAndIsThenListedAskedAboutAndReleased() throws Exception {
        LocalAnswer refused = ask("POST", "/api/claims", "{\"name\":\"ci-db\",\"range\":\"31000-31999\"}", false);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"devstack\"");
        assertThat(json(refused).path("error").asText()).contains(home.resolve("api-token").toString());
        assertThat(json(ask("GET", "/api/leases", "", false)).path("data").path("leases")).isEmpty();

        LocalAnswer claimed = ask("POST", "/api/claims", "{\"name\":\"ci-db\",\"range\":\"31000-31999\"}", true);
        assertThat(claimed.status()).isEqualTo(200);
        JsonNode data = json(claimed).path("data");
        int port = data.path("port").asInt();
        assertThat(port).isBetween(31000, 31999);
        assertThat(json(claimed).path("schema_version").asInt()).isEqualTo(1);

        assertThat(json(ask("GET", "/api/leases", "", false)).path("data").path("leases").get(0).path("port").asInt())
                .isEqualTo(port);
        JsonNode who = json(ask("GET", "/api/ports/" + port, "", false)).path("data");
        assertThat(who.path("lease").path("service").asText()).isEqualTo("ci-db");

        assertThat(ask("DELETE", "/api/claims/ci-db", "", false).status()).isEqualTo(401);
        LocalAnswer released = ask("DELETE", "/api/claims/ci-db", "", true);
        assertThat(released.status()).isEqualTo(200);
        assertThat(json(released).path("data").path("removed").get(0).path("port").asInt()).isEqualTo(port);
        assertThat(ask("DELETE", "/api/ports/" + port, "", true).status()).as("nothing left to release").isEqualTo(404);
    }

    @Test
    void wrongInputGetsTheHttpApisStatuses() throws Exception {
        assertThat(ask("POST", "/api/claims", "{\"range\":\"9-1\"}", true).status()).isEqualTo(400);
        assertThat(ask("POST", "/api/claims", "not json", true).status()).isEqualTo(400);
        assertThat(ask("GET", "/api/claims", "", true).headers()).containsEntry("Allow", "POST");
        assertThat(ask("GET", "/api/ports/lots", "", false).status()).isEqualTo(400);
        assertThat(ask("GET", "/api/nope", "", false).status()).isEqualTo(404);
        LocalAnswer first = ask("POST", "/api/claims", "{\"range\":\"31500-31500\"}", true);
        assertThat(first.status()).isEqualTo(200);
        LocalAnswer conflict = ask("POST", "/api/claims", "{\"range\":\"31500-31500\"}", true);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(json(conflict).path("error").asText()).contains("no free port to claim")
                .contains("port 31500 is leased to claim");
    }
}
