package dev.devstack.app;

import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamRegistryBackend;
import dev.devstack.store.TeamRegistrySettings;
import dev.devstack.supervisor.DevstackException;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Opens the registry the user chose ({@link RegistryChoice}). A team registry's backend is looked
 * up only then, so that a devstack on the embedded registry never loads its classes.
 */
final class Registries {

    private Registries() {
    }

    static LeaseRegistry open(ProjectContext context, Consumer<String> warnings) {
        Optional<TeamRegistrySettings> team = RegistryChoice.of(context.environment());
        if (team.isEmpty()) {
            return new MapDbLeaseRegistry(context.home(), Machine.REGISTRY_WAIT, warnings, context.clock());
        }
        TeamRegistryBackend backend = ServiceLoader.load(TeamRegistryBackend.class).findFirst()
                .orElseThrow(() -> DevstackException.state("this devstack was built without a team registry backend,"
                        + " and " + team.get().source() + " asks for " + team.get().describe() + "; build it whole"
                        + " (`mvn package` in its checkout), or run with --registry local", null));
        try {
            return backend.open(team.get(), context.clock());
        } catch (RegistryException e) {
            throw DevstackException.state(e.getMessage(), e);
        }
    }
}
