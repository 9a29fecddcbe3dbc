package dev.devstack.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who this host is in a team registry: DEVSTACK_HOST when set (tests, and containers that share a
 * host name, act as several hosts with it), else the kernel's host name, read without a DNS lookup.
 */
final class HostIdentity {

    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    private HostIdentity() {
    }

    static String of(Map<String, String> environment) {
        String chosen = environment.getOrDefault(RegistryChoice.HOST_VARIABLE, "").strip();
        if (!chosen.isEmpty()) {
            return chosen;
        }
        try {
            String name = Files.readString(KERNEL_HOST_NAME).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException notLinux) {
            // asked of the resolver below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
