package dev.devstack.cli;

/**
 * A command that reads the project's configuration itself, so that `--set` changes what it does.
 * Any other command refuses `--set` ({@link SetWhereRead}) rather than ignore it.
 */
interface ReadsConfiguration {
}
