package dev.devstack.supervisor.config;

/**
 * What `up` does when a service's fixed port is taken ({@code on_conflict:}). {@code strict: true}
 * is the older spelling of {@link #FAIL}.
 */
public enum OnConflict {
    /** Move to a free port and say why (the default). */
    NEXT("next"),
    /** Stop with exit code 3, naming the holder. */
    FAIL("fail"),
    /**
     * End the holder if it is an earlier run of this very service by this user (a dev server left
     * behind) and take the port; any other holder is a conflict, as with {@link #FAIL}.
     */
    KILL_OWN("kill-own");

    private final String word;

    OnConflict(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether the service insists on its fixed port rather than moving. */
    public boolean insists() {
        return this != NEXT;
    }
}
