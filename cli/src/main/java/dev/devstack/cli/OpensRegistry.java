package dev.devstack.cli;

/**
 * A command that opens the machine's registry on its way, so that {@link Main} warms MapDB up in
 * parallel; any other command does not pay for that.
 */
interface OpensRegistry {
}
