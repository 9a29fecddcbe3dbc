package dev.devstack.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One variable of a running process's environment, from /proc/PID/environ (readable only for the
 * user's own processes): how devstack recognises a process one of its services started after it
 * has left that service's process tree.
 */
public final class ProcessEnvironment {

    private ProcessEnvironment() {
    }

    public static Optional<String> variable(long pid, String name) {
        return variable(Path.of("/proc", Long.toString(pid), "environ"), name);
    }

    static Optional<String> variable(Path environ, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(environ);
        } catch (IOException | SecurityException notOurs) {
            return Optional.empty();
        }
        String prefix = name + "=";
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                String entry = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                if (entry.startsWith(prefix)) {
                    return Optional.of(entry.substring(prefix.length()));
                }
                start = i + 1;
            }
        }
        return Optional.empty();
    }
}
