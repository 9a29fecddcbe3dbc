package dev.devstack.app;

import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamPools;
import dev.devstack.store.TeamRegistry;
import dev.devstack.supervisor.DevstackException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** `devstack pools`: the pools of the team registry this user's commands use, read or replaced. */
public final class TeamPoolsAccess {

    private TeamPoolsAccess() {
    }

    public static TeamPools read(ProjectContext context, Consumer<String> warnings) {
        return withTeam(context, warnings, TeamRegistry::pools);
    }

    /** Replaces the team's pools with those of {@code file}, and returns them. */
    public static TeamPools define(ProjectContext context, Path file, Consumer<String> warnings) {
        TeamPools pools = TeamPoolsFile.read(file);
        return withTeam(context, warnings, team -> {
            team.definePools(pools);
            return pools;
        });
    }

    private static <T> T withTeam(ProjectContext context, Consumer<String> warnings, Function<TeamRegistry, T> work) {
        try (Machine machine = new Machine(context, warnings)) {
            if (!(machine.registry() instanceof TeamRegistry team)) {
                throw DevstackException.invalidConfig("pools belong to a team registry, and this user's registry is"
                        + " the embedded one", List.of("set `registry: etcd://HOST:PORT` in devstack's config.yaml (in"
                        + " $XDG_CONFIG_HOME/devstack/, else ~/.config/devstack/), or DEVSTACK_REGISTRY, or give --registry"
                        + " (docs/team-registry.md)"));
            }
            return work.apply(team);
        } catch (RegistryException e) {
            throw DevstackException.state(e.getMessage(), e);
        }
    }
}
