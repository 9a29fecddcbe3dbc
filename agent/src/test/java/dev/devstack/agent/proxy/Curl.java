package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** curl, the client that resolves *.localhost to loopback by itself, run with a deadline. */
final class Curl {

    /** What a finished curl printed. */
    record Result(int exit, String out, String err) {
    }

    private Curl() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60"));
        command.addAll(List.of(args));
        Process process = start(command);
        try {
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("curl ended").isTrue();
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    /** A curl left running (an event stream): the caller reads its output and ends it. */
    static Process start(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IOException("curl is needed for the name proxy's tests (apt-get install curl): " + e.getMessage(), e);
        }
    }

    /** Fails clearly when curl is missing or too old to resolve *.localhost by itself (7.78). */
    static void requireResolvingLocalhost() throws IOException, InterruptedException {
        Process process = start(List.of("curl", "--version"));
        String version;
        try (InputStream in = process.getInputStream()) {
            version = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        process.waitFor(10, TimeUnit.SECONDS);
        String[] numbers = version.split("\\s+")[1].split("\\.");
        int major = Integer.parseInt(numbers[0]);
        int minor = Integer.parseInt(numbers[1]);
        assertThat(major > 7 || major == 7 && minor >= 78)
                .as("curl %s resolves *.localhost to loopback by itself (7.78 or later)", version.lines().findFirst().orElse(""))
                .isTrue();
    }
}
