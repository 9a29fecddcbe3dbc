package dev.devstack.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which signals a process ignores, from the {@code SigIgn} mask in /proc/PID/status. The JDK has
 * no way to ask; devstack needs it to tell a user that Ctrl-C cannot reach it (a background job of
 * a non-interactive shell starts with SIGINT ignored).
 */
public final class SignalDispositions {

    private final long ignored;

    private SignalDispositions(long ignored) {
        this.ignored = ignored;
    }

    /** This process's dispositions; none ignored when /proc cannot tell. */
    public static SignalDispositions ofThisProcess() {
        return of(Path.of("/proc/self/status")).orElse(new SignalDispositions(0));
    }

    static Optional<SignalDispositions> of(Path status) {
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                    .map(line -> new SignalDispositions(Long.parseUnsignedLong(line.substring(7).strip(), 16)))
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @param signal the signal's number, 1 to 64 */
    public boolean ignores(int signal) {
        return signal >= 1 && signal <= 64 && (ignored >>> (signal - 1) & 1) == 1;
    }
}
