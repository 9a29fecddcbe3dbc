package dev.devstack.store;

import java.nio.file.Path;
import java.util.Map;

/** Where devstack keeps its machine-wide state: $DEVSTACK_HOME, $XDG_STATE_HOME/devstack or ~/.local/state/devstack. */
public final class DevstackHome {

    private DevstackHome() {
    }

    public static Path resolve(Map<String, String> environment, Path userHome) {
        String explicit = environment.get("DEVSTACK_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = environment.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "devstack");
        }
        return userHome.resolve(".local").resolve("state").resolve("devstack");
    }
}
