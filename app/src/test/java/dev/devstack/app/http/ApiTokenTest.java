package dev.devstack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {

    @TempDir
    Path dir;

    @Test
    void theFirstUseMakesARandomTokenInAPrivateFileAndLaterUsesReadIt() throws IOException {
        Path home = dir.resolve("devstack");

        ApiToken token = ApiToken.of(home);
        String written = Files.readString(home.resolve("api-token")).trim();

        assertThat(written).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(ApiToken.of(home).accepts(Optional.of("Bearer " + written))).isTrue();
        assertThat(ApiToken.of(dir.resolve("another")).accepts(Optional.of("Bearer " + written))).isFalse();
        assertThat(home.toFile().list()).containsExactly("api-token");
    }

    @Test
    void onlyTheWholeTokenAsABearerIsAccepted() throws IOException {
        ApiToken token = ApiToken.of(dir);
        String written = Files.readString(dir.resolve("api-token")).trim();

        assertThat(token.accepts(Optional.of("Bearer " + written))).isTrue();
        assertThat(token.accepts(Optional.of("bearer " + written + " "))).isTrue();
        assertThat(token.accepts(Optional.empty())).isFalse();
        assertThat(token.accepts(Optional.of(written))).as("without the scheme").isFalse();
        assertThat(token.accepts(Optional.of("Basic " + written))).isFalse();
        assertThat(token.accepts(Optional.of("Bearer "))).isFalse();
        assertThat(token.accepts(Optional.of("Bearer " + written.substring(0, 63)))).isFalse();
        assertThat(token.accepts(Optional.of("Bearer " + written + "0"))).isFalse();
        assertThat(token.accepts(Optional.of("Bearer " + written.toUpperCase()))).isFalse();
    }

    @Test
    void aDamagedTokenFileIsReplaced() throws IOException {
        Files.writeString(dir.resolve("api-token"), "not a token\n");

        ApiToken token = ApiToken.of(dir);
        String written = Files.readString(dir.resolve("api-token")).trim();

        assertThat(written).matches("[0-9a-f]{64}");
        assertThat(token.accepts(Optional.of("Bearer " + written))).isTrue();
    }
}
