package dev.devstack.archfixture.tui;

import dev.devstack.archfixture.store.Lease;

/** Reaches past the dashboard's interfaces into the store. */
public final class Bad {

    public String show(Lease lease) {
        return Integer.toString(lease.port());
    }
}
