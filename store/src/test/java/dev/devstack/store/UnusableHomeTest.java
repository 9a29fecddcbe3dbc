package dev.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home folder or registry file devstack cannot use, where file modes play no part (so these
 * hold for root too); the cases that need modes, a read-only or a full disk are in
 * {@link RegistryUnwritableIT}. The file is named once, the reason is the OS's, and nothing is
 * moved aside: none of this is damage.
 */
class UnusableHomeTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private MapDbLeaseRegistry registry(Path home) {
        return new MapDbLeaseRegistry(home, Duration.ofSeconds(5), warnings::add, Clock.systemUTC());
    }

    @Test
    void aHomeThatIsAFile() throws IOException {
        Path home = Files.writeString(dir.resolve("devstack"), "");

        assertThatThrownBy(() -> registry(home).read(RegistryView::leases))
                .isInstanceOf(RegistryException.class)
                .hasMessage("cannot create the devstack home folder " + home + ": it is a file, not a folder; set"
                        + " DEVSTACK_HOME to a folder you can write to");
    }

    @Test
    void aHomeBelowAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("state"), "");
        Path home = file.resolve("nested/devstack");

        assertThatThrownBy(() -> registry(home).read(RegistryView::leases))
                .isInstanceOf(RegistryException.class)
                .hasMessage("cannot create the devstack home folder " + home + ": " + file + " is a file, not a"
                        + " folder; set DEVSTACK_HOME to a folder you can write to");
    }

    @Test
    void aFolderWhereTheRegistryFileBelongsIsReportedAndLeftAlone() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path folder = Files.createDirectory(home.resolve("registry.db"));

        assertThatThrownBy(() -> registry(home).update(tx -> null))
                .isInstanceOf(RegistryException.class)
                .hasMessage("cannot read and write the port registry " + folder + ": it is a folder; move that folder"
                        + " out of the way");
        assertThat(folder).isDirectory();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFolderWhereTheLockBelongs() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path folder = Files.createDirectory(home.resolve("registry.lock"));

        assertThatThrownBy(() -> registry(home).read(RegistryView::leases))
                .isInstanceOf(RegistryException.class)
                .hasMessage("cannot take the registry lock " + folder + ": it is a folder; move that folder out of the"
                        + " way");
    }
}
