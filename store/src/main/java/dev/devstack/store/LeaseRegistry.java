package dev.devstack.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The machine-wide record of which ports are leased to whom. Every call is one exclusive,
 * atomic operation across processes, so that choosing and recording ports cannot interleave
 * with another devstack doing the same.
 *
 * <p>The supervisor knows the registry only through this interface, so that a shared backend
 * (a team-wide registry) can replace the embedded one.
 */
public interface LeaseRegistry extends AutoCloseable {

    <T> T read(Function<RegistryView, T> work);

    <T> T update(Function<RegistryTransaction, T> work);

    /** Where the registry is, for messages: its file, or a team registry's endpoints and namespace. */
    String describe();

    /** Tells {@code listener} when the registry is lost and found again while this process runs. */
    default void watch(Consumer<RegistryStatus> listener) {
    }

    /** Lets go of what the registry holds open (a team registry's connection and its liveness lease). */
    @Override
    default void close() {
    }
}
