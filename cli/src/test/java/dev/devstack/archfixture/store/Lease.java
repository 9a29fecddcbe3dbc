package dev.devstack.archfixture.store;

public record Lease(int port) {
}
