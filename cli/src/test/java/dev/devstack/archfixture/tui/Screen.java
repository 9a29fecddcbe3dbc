package dev.devstack.archfixture.tui;

import dev.devstack.archfixture.supervisor.model.Snapshot;

/** Uses only the model: allowed. */
public final class Screen {

    public String title(Snapshot snapshot) {
        return snapshot.project();
    }
}
