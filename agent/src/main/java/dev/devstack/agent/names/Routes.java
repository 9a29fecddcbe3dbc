package dev.devstack.agent.names;

/**
 * The route for a host name, as it stands now. Called on the proxy's event-loop threads for every
 * request, so it answers from memory and never blocks.
 */
public interface Routes {

    /** {@code host}: the request's {@code Host} without its port, in lower case. */
    Route route(String host);
}
