package dev.devstack.agent.proxy;

import io.netty.handler.codec.http.HttpContent;

/** One request on a client connection, from its head to its answer: forwarded, answered locally, or a page. */
interface Exchange {

    /** The next part of the request's body; the exchange owns it (releases or passes it on). */
    void content(HttpContent content);

    /** Whether the client may be read further now: false while the service cannot take more of the body. */
    default boolean acceptsBody() {
        return true;
    }

    /** The client is gone before the exchange ended: let go of what it holds. */
    default void abort() {
    }
}
