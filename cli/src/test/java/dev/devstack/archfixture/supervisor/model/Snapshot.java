package dev.devstack.archfixture.supervisor.model;

public record Snapshot(String project) {
}
