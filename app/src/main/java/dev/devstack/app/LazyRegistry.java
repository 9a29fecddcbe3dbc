package dev.devstack.app;

import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.RegistryStatus;
import dev.devstack.store.RegistryTransaction;
import dev.devstack.store.RegistryView;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The registry, opened at its first use: a command that can do without it (`down` of a stack that
 * answers on its socket) does not fail because a team registry is away, and one that never touches
 * it never connects.
 */
final class LazyRegistry implements LeaseRegistry {

    private final Supplier<LeaseRegistry> opener;
    private LeaseRegistry opened;

    LazyRegistry(Supplier<LeaseRegistry> opener) {
        this.opener = opener;
    }

    synchronized LeaseRegistry get() {
        if (opened == null) {
            opened = opener.get();
        }
        return opened;
    }

    @Override
    public <T> T read(Function<RegistryView, T> work) {
        return get().read(work);
    }

    @Override
    public <T> T update(Function<RegistryTransaction, T> work) {
        return get().update(work);
    }

    @Override
    public String describe() {
        return get().describe();
    }

    @Override
    public void watch(Consumer<RegistryStatus> listener) {
        get().watch(listener);
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            opened.close();
        }
    }
}
