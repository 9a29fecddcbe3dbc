package dev.devstack.store;

import java.util.Map;
import java.util.Optional;

/**
 * The pools of a team registry: ranges of ports given to users and to projects (by the name of
 * the project's folder). A project's pool wins over its user's; with neither, any port goes.
 */
public record TeamPools(Map<String, PortPool> users, Map<String, PortPool> projects) {

    public static final TeamPools NONE = new TeamPools(Map.of(), Map.of());

    public TeamPools {
        users = Map.copyOf(users);
        projects = Map.copyOf(projects);
    }

    public Optional<PortPool> poolOf(String user, String project) {
        return Optional.ofNullable(projects.get(project)).or(() -> Optional.ofNullable(users.get(user)));
    }

    /** The pool of user {@code name}, described as such in refusals. */
    public static PortPool userPool(String name, int first, int last) {
        return new PortPool("the pool of user " + name, first, last);
    }

    /** The pool of project {@code name}, described as such in refusals. */
    public static PortPool projectPool(String name, int first, int last) {
        return new PortPool("the pool of project " + name, first, last);
    }
}
