package dev.devstack.app.view;

/** The devstack lease on a port: its owner named short ("shop/api", "claim \"ci-db\"") and whether it is this stack's project. */
public record PortLease(String owner, boolean thisProject) {
}
