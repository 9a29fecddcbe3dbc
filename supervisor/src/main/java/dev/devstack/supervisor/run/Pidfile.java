package dev.devstack.supervisor.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The pid a daemon wrote into its pidfile (`pidfile:`): a number on the first line, as every daemon writes it. */
final class Pidfile {

    private static final int MOST = 64;

    private Pidfile() {
    }

    static Optional<Long> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String first = new String(in.readNBytes(MOST), StandardCharsets.US_ASCII).lines().findFirst().orElse("")
                    .strip();
            long pid = Long.parseLong(first);
            return pid > 1 ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
