package dev.devstack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackHostTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:24567", "localhost", "localhost:80", "LocalHost:24567", "[::1]",
        "[::1]:24567", " localhost:1 "})
    void theLoopbackNamesWithOrWithoutAPortAreAllowed(String host) {
        assertThat(LoopbackHost.allowed(Optional.of(host))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:24567", "localhost.evil.example", "127.0.0.1.nip.io",
        "127.0.0.2", "0.0.0.0:24567", "[::2]:1", "[::1]x", "[::1]:", "localhost:", "localhost:http", "localhost:123456",
        "[::1", "", "127.0.0.1:24567@evil.example", "user@localhost"})
    void everyOtherNameIsRefused(String host) {
        assertThat(LoopbackHost.allowed(Optional.of(host))).isFalse();
    }

    @Test
    void aRequestWithoutHostIsAllowedSinceEveryBrowserSendsOne() {
        assertThat(LoopbackHost.allowed(Optional.empty())).isTrue();
    }
}
