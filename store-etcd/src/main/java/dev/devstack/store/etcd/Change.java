package dev.devstack.store.etcd;

/** What an update does to one key: put a value (bound to this process's etcd lease, or not) or delete it. */
sealed interface Change {

    record Put(String value, boolean boundToProcess) implements Change {
    }

    record Delete() implements Change {
    }
}
