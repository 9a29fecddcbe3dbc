package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.agent.names.Route;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void whatAServiceOrClientSuppliedIsEscaped() {
        LocalAnswer page = Pages.unknown(new Route.Unknown("<img src=x>.localhost", List.of(
                new Route.Known("a\"onmouseover=\"x.localhost", "<b>", "p&q", "'running'"))), 7777);

        String html = new String(page.body(), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<img", "\"onmouseover").contains("<b>&lt;b&gt;</b>", "&lt;img src=x&gt;",
                "href=\"http://a&quot;onmouseover=&quot;x.localhost:7777/\"", "p&amp;q", "&#39;running&#39;");
    }

    @Test
    void anErrorOfTheOwnSiteIsValidJson() {
        LocalAnswer answer = Pages.failed(new IllegalStateException("bad \"quote\" \\ and\nline"));

        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"schema_version\":1,\"success\":false,\"error\":\"bad \\\"quote\\\" \\\\ and\\nline\"}");
        assertThat(answer.status()).isEqualTo(500);
    }
}
