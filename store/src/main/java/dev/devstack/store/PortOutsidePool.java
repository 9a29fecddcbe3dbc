package dev.devstack.store;

/** A lease for a port outside the pool a team registry gives its user or project: refused, with the pool. */
public final class PortOutsidePool extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Lease lease;
    private final transient PortPool pool;

    public PortOutsidePool(Lease lease, PortPool pool) {
        super("port " + lease.port() + " for " + lease.owner().describe() + " is outside " + pool.rule() + " ("
                + pool.range() + "); use a port in it, or ask whoever runs the team registry to change the pools");
        this.lease = lease;
        this.pool = pool;
    }

    public Lease lease() {
        return lease;
    }

    public PortPool pool() {
        return pool;
    }
}
