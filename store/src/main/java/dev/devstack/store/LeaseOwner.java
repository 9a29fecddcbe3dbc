package dev.devstack.store;

import java.util.Objects;

/**
 * Who a port belongs to: one named port of one service of one project instance.
 * {@code project} is the project's absolute folder, so two checkouts of the same stack are two owners.
 * {@code portName} is empty for a service's primary port. A port claimed by hand (`devstack claim`,
 * `devstack run`) belongs to no project: its owner is just its name.
 */
public record LeaseOwner(String project, String instance, String service, String portName) {

    public static LeaseOwner manual(String name) {
        return new LeaseOwner("", "", name, "");
    }

    public LeaseOwner {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(portName, "portName");
    }

    public boolean sameProject(LeaseOwner other) {
        return project.equals(other.project) && instance.equals(other.instance);
    }

    public boolean manual() {
        return project.isEmpty();
    }

    /** "claim \"ci-db\"" for a port claimed by hand; "api of /home/dev/shop" for a service's. */
    public String describe() {
        return manual() ? "claim \"" + service + "\"" : label() + " of " + project;
    }

    /** "api" or "api.metrics": how the owner is named to a user inside its own project. */
    public String label() {
        return portName.isEmpty() ? service : service + "." + portName;
    }
}
