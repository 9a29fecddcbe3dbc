package dev.devstack.app;

import dev.devstack.store.RegistryEvent;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** `devstack history`: the registry's audit log, for one port or all; a team registry's tells each event's host. */
public final class History {

    private History() {
    }

    /** Oldest first; only the events about {@code port} when one is given. */
    public static List<RegistryEvent> read(ProjectContext context, OptionalInt port, Consumer<String> warnings) {
        try (Machine machine = new Machine(context, warnings)) {
            List<RegistryEvent> all = machine.leases.events();
            return port.isEmpty() ? all : all.stream().filter(e -> e.port() == port.getAsInt()).toList();
        }
    }
}
