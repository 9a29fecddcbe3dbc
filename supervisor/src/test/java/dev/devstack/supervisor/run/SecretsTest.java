package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.model.EnvironmentEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private final Secrets secrets = Secrets.of(Map.of("API_TOKEN", "tok-123456", "DB_PASSWORD", "hunter22",
            "SHORT_KEY", "on", "GREETING", "hello"));

    @Test
    void aSecretValueIsMaskedWhereverItIsFilledIn() {
        assertThat(secrets.mask("./api --token tok-123456 --greet hello"))
                .isEqualTo("./api --token •••••• --greet hello");
        assertThat(secrets.entry("AUTH_HEADER", "Bearer tok-123456"))
                .isEqualTo(new EnvironmentEntry("AUTH_HEADER", "Bearer ••••••", false));
        assertThat(secrets.entry("API_TOKEN", "tok-123456")).isEqualTo(new EnvironmentEntry("API_TOKEN", "••••••", true));
    }

    @Test
    void aPasswordInAnAddressIsMaskedEvenWhenNoSecretVariableHoldsIt() {
        assertThat(secrets.mask("postgres://app:plain-pass@db.example:5432/app and redis://:r3dis@127.0.0.1/0"))
                .isEqualTo("postgres://app:••••••@db.example:5432/app and redis://:••••••@127.0.0.1/0");
        assertThat(secrets.mask("http://127.0.0.1:4012/healthz")).isEqualTo("http://127.0.0.1:4012/healthz");
    }

    @Test
    void aShortSecretIsNotSearchedForSoThatCommandsStayReadable() {
        assertThat(secrets.mask("python3 serve.py --debug on")).isEqualTo("python3 serve.py --debug on");
    }
}
