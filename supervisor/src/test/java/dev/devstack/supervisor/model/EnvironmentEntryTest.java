package dev.devstack.supervisor.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A variable whose name says it is a secret leaves the stack masked, whatever the name's case. */
class EnvironmentEntryTest {

    @ParameterizedTest
    @CsvSource({
        "API_KEY, true", "stripe_key, true", "KEYCLOAK_URL, true", "GITHUB_TOKEN, true", "Token, true",
        "CLIENT_SECRET, true", "db_password, true", "PGPASSWORD, true",
        "PORT, false", "DATABASE_URL, false", "HOME, false", "PASS, false", "MONKEY_BUSINESS, true"})
    void aNameWithKeyTokenSecretOrPasswordIsMasked(String name, boolean masked) {
        EnvironmentEntry entry = EnvironmentEntry.of(name, "value-1");

        assertThat(entry.masked()).isEqualTo(masked);
        assertThat(entry.value()).isEqualTo(masked ? "••••••" : "value-1");
        assertThat(entry.name()).isEqualTo(name);
    }
}
