package dev.devstack.store;

import java.util.List;
import java.util.function.Predicate;

/**
 * Changes made inside one {@link LeaseRegistry#update} call. They become visible to other
 * processes together, when the call returns, or not at all when it throws.
 */
public interface RegistryTransaction extends RegistryView {

    void putLease(Lease lease);

    void removeLease(LeaseOwner owner);

    void remember(StickyPort sticky);

    void recordProcess(ProcessRecord process);

    /** Appends to the audit log, dropping the oldest event beyond {@link RegistryEvent#KEPT}. */
    void record(RegistryEvent event);

    /** Forgets the record of the process with this pid started for the service, if there is one. */
    void forgetProcess(String project, String instance, String service, long pid);

    /** Removes every lease whose process is no longer alive and returns the removed ones. */
    List<Lease> sweep(Predicate<Lease> isAlive);
}
