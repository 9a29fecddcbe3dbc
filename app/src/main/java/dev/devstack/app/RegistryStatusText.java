package dev.devstack.app;

import dev.devstack.store.RegistryStatus;

/** What a running stack says in its output when its team registry is lost or back. */
final class RegistryStatusText {

    private RegistryStatusText() {
    }

    static String of(RegistryStatus status) {
        if (status instanceof RegistryStatus.Lost lost) {
            return "lost touch with the team registry " + lost.registry() + " (" + lost.reason() + "); the stack"
                    + " keeps running on its ports, and records its leases again when the registry answers";
        }
        RegistryStatus.Restored back = (RegistryStatus.Restored) status;
        return "the team registry " + back.registry() + " is back: " + back.restored() + " lease(s) recorded again"
                + (back.conflicts().isEmpty() ? "" : "; taken by others meanwhile, so not restored: "
                + String.join("; ", back.conflicts()) + " (`devstack ports --all` shows who holds them)");
    }
}
