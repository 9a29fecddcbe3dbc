package dev.devstack.agent.proxy;

import java.util.concurrent.CompletableFuture;

/**
 * The agent's own pages and API ({@link dev.devstack.agent.names.Route.Local}): the proxy reads
 * the whole request (a small body: it refuses more than {@link LocalRequest#MAX_BODY}) and writes
 * the answer when it completes, so an answer may wait (a claim waits for its commit) without
 * holding an event-loop thread.
 */
public interface LocalSite {

    CompletableFuture<LocalAnswer> answer(LocalRequest request);
}
