package dev.devstack.store.etcd;

import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamRegistrySettings;

/**
 * A call to etcd that failed, with what kind of failure it was: the registry retries some (its etcd
 * lease gone) and reports the rest as a {@link RegistryException} ({@link #exception()}).
 */
final class EtcdCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient EtcdFailure failure;
    private final transient RegistryException exception;

    EtcdCallFailed(EtcdFailure failure, String doing, TeamRegistrySettings settings, Throwable cause) {
        super(failure.reason(), cause);
        this.failure = failure;
        RegistryException words = failure.exception(doing, settings);
        this.exception = new RegistryException(words.getMessage(), cause);
    }

    EtcdFailure failure() {
        return failure;
    }

    RegistryException exception() {
        return exception;
    }
}
