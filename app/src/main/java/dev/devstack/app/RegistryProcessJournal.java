package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.detect.ProcessTable;
import dev.devstack.store.ProcessRecord;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.run.ProcessJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records service processes in the registry. Changes are gathered and written together, one
 * registry operation per {@value #BATCH_MILLIS} ms at most, on a thread of their own: fifty
 * services starting at once cost one write, and the supervisor never waits for the disk. A
 * process that dies before its batch is written is not recorded; its lifeline covers it.
 */
final class RegistryProcessJournal implements ProcessJournal, AutoCloseable {

    private static final long BATCH_MILLIS = 100;

    private record Change(String service, long pid, boolean started) {
    }

    private final ProjectLeases leases;
    private final ProcessTable processes;
    private final ProcessInfo supervisor;
    private final ProjectContext context;
    private final Consumer<String> warnings;
    private final List<Change> pending = new ArrayList<>();
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "devstack-process-journal");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failed;

    RegistryProcessJournal(ProjectLeases leases, ProcessTable processes, ProcessInfo supervisor, ProjectContext context,
                           Consumer<String> warnings) {
        // on close a batch still waiting for its time is dropped (see close())
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.leases = leases;
        this.processes = processes;
        this.supervisor = supervisor;
        this.context = context;
        this.warnings = warnings;
    }

    @Override
    public void started(String service, long pid) {
        add(new Change(service, pid, true));
    }

    @Override
    public void ended(String service, long pid) {
        add(new Change(service, pid, false));
    }

    private synchronized void add(Change change) {
        if (pending.isEmpty()) {
            writer.schedule(this::flush, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
        pending.add(change);
    }

    private void flush() {
        List<Change> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        List<ProcessRecord> started = new ArrayList<>();
        List<Change> ended = new ArrayList<>();
        for (Change change : batch) {
            if (change.started()) {
                processes.find(change.pid()).ifPresent(info -> started.add(new ProcessRecord(
                        context.projectDir().toString(), context.instance(), change.service(), info.pid(),
                        info.startMillis(), supervisor.pid(), supervisor.startMillis(), context.clock().instant())));
            } else {
                ended.add(change);
            }
        }
        try {
            leases.recordProcesses(started, ended.stream().map(c -> new ProjectLeases.Ended(c.service(), c.pid())).toList());
        } catch (RuntimeException e) {
            if (!failed) {
                failed = true;
                // a registry failure explains itself; anything else is a bug, named like the CLI names one
                String why = e instanceof DevstackException ? e.getMessage() : "internal error: " + e;
                warnings.accept("cannot record service processes in the registry: " + why + ". If this devstack is"
                        + " killed, the next one cannot end what it leaves behind");
            }
        }
    }

    /**
     * Lets a write under way finish (interrupting it would fail it) and drops what is still
     * pending: the session releases the stack right after, which forgets every process this
     * devstack recorded, so writing the last batch would be one registry commit more between the
     * services' end and the prompt, for records about to go.
     */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(Machine.REGISTRY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
