package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded registry: every handle of a test works on one file in its own home folder. */
class MapDbLeaseRegistryContractTest extends LeaseRegistryContract {

    @TempDir
    Path home;

    /** A warning means the registry found its file damaged, which no contract test should cause. */
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    protected LeaseRegistry newRegistry() {
        return new MapDbLeaseRegistry(home, Duration.ofSeconds(30), warnings::add, Clock.systemUTC());
    }

    @AfterEach
    void noWarnings() {
        assertThat(warnings).isEmpty();
    }
}
