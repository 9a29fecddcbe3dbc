package dev.devstack.agent.registry;

import dev.devstack.app.ChangeOutcome;
import dev.devstack.app.LeaseChange;
import dev.devstack.app.ManualClaim;
import dev.devstack.app.ManualLeases;
import dev.devstack.supervisor.DevstackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of claims and releases: one thread takes every change that waits (up to
 * {@link #BATCH}), makes them all in one registry operation ({@link ManualLeases#changeAll}), which
 * writes the registry file once, and only then answers each. A claim costs one write of the file
 * when it comes alone, and a share of one when many come at once: the write, not the choice of a
 * port, is what a claim costs.
 */
public final class ClaimQueue implements AutoCloseable {

    static final int BATCH = 512;
    /** More waiting changes than this are refused at once rather than queued behind minutes of work. */
    static final int MAX_WAITING = 10_000;
    private static final Duration POLL = Duration.ofMillis(100);
    /** A batch may wait 10 s for another devstack to finish with the registry. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

    private record Pending(LeaseChange change, CompletableFuture<ChangeOutcome> outcome) {
    }

    private final ManualLeases leases;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Thread worker;
    private volatile boolean closed;

    public ClaimQueue(ManualLeases leases) {
        this.leases = leases;
        this.worker = new Thread(this::work, "devstack-agent-claims");
        worker.setDaemon(true);
        worker.start();
    }

    /** Completes once the claim is in the registry file, or fails with why it could not be made. */
    public CompletableFuture<ManualClaim> claim(LeaseChange.Claim claim) {
        return submit(claim).thenApply(outcome -> ((ChangeOutcome.Claimed) outcome).claim());
    }

    /** Completes once the release is in the registry file. */
    public CompletableFuture<ManualLeases.Released> release(LeaseChange release) {
        return submit(release).thenApply(outcome -> ((ChangeOutcome.Released) outcome).released());
    }

    private CompletableFuture<ChangeOutcome> submit(LeaseChange change) {
        Pending pending = new Pending(change, new CompletableFuture<>());
        if (!waiting.offer(pending)) {
            pending.outcome().completeExceptionally(DevstackException.state("the devstack agent has " + MAX_WAITING
                    + " claims and releases waiting already; try again in a moment", null));
        } else if (closed && waiting.remove(pending)) {
            pending.outcome().completeExceptionally(stopped());
        }
        return pending.outcome();
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (!closed) {
            Pending first;
            try {
                first = waiting.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first != null) {
                batch.add(first);
                waiting.drainTo(batch, BATCH - 1);
                commit(batch);
                batch.clear();
            }
        }
    }

    private static DevstackException stopped() {
        return DevstackException.state("the devstack agent stopped before this was made; nothing was changed:"
                + " ask again (devstack works without the agent)", null);
    }

    private void commit(List<Pending> batch) {
        List<ChangeOutcome> outcomes;
        try {
            outcomes = leases.changeAll(batch.stream().map(Pending::change).toList());
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.outcome().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            ChangeOutcome outcome = outcomes.get(i);
            if (outcome instanceof ChangeOutcome.Failed failed) {
                batch.get(i).outcome().completeExceptionally(failed.error());
            } else {
                batch.get(i).outcome().complete(outcome);
            }
        }
    }

    /**
     * Stops taking changes: the batch being written is finished (a write is never cut short), those
     * that wait after it are refused.
     */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(pending -> pending.outcome().completeExceptionally(stopped()));
    }
}
