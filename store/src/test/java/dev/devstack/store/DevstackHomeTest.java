package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevstackHomeTest {

    private static final Path USER_HOME = Path.of("/home/dev");

    @Test
    void devstackHomeWinsOverEverything() {
        assertThat(DevstackHome.resolve(Map.of("DEVSTACK_HOME", "/tmp/ds", "XDG_STATE_HOME", "/x"), USER_HOME))
                .isEqualTo(Path.of("/tmp/ds"));
    }

    @Test
    void xdgStateHomeIsUsedWhenAbsolute() {
        assertThat(DevstackHome.resolve(Map.of("XDG_STATE_HOME", "/var/state"), USER_HOME))
                .isEqualTo(Path.of("/var/state/devstack"));
    }

    @Test
    void aRelativeXdgStateHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(DevstackHome.resolve(Map.of("XDG_STATE_HOME", "state"), USER_HOME))
                .isEqualTo(Path.of("/home/dev/.local/state/devstack"));
    }

    @Test
    void theDefaultIsUnderTheUsersHome() {
        assertThat(DevstackHome.resolve(Map.of(), USER_HOME)).isEqualTo(Path.of("/home/dev/.local/state/devstack"));
    }
}
