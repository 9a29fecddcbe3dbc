package dev.devstack.supervisor.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void aServiceIsNamedUnderItsProjectAndAnInstanceOtherThanTheDefaultSitsBetween() {
        assertThat(HostNames.service("web", "default", "shop")).isEqualTo("web.shop.localhost");
        assertThat(HostNames.service("web", "feature", "shop")).isEqualTo("web.feature.shop.localhost");
        assertThat(HostNames.stack("default", "shop")).isEqualTo("shop.localhost");
        assertThat(HostNames.stack("feature", "shop")).isEqualTo("feature.shop.localhost");
        assertThat(HostNames.url("web.shop.localhost", 2080)).isEqualTo("http://web.shop.localhost:2080");
    }

    @Test
    void everyPartIsMadeADnsLabel() {
        assertThat(HostNames.service("api_v2", "default+dev", "My Shop!")).isEqualTo("api-v2.default-dev.my-shop.localhost");
        assertThat(HostNames.label("---")).isEqualTo("x");
        assertThat(HostNames.label("a".repeat(70))).hasSize(63);
        assertThat(HostNames.label("Ünïcode")).isEqualTo("n-code");
    }

    @Test
    void aReplicaBelongsToItsService() {
        assertThat(HostNames.serviceOf("web.1")).isEqualTo("web");
        assertThat(HostNames.serviceOf("web")).isEqualTo("web");
        assertThat(HostNames.serviceOf("v2-api")).isEqualTo("v2-api");
    }
}
