package dev.devstack.supervisor.run;

/**
 * Where the supervisor notes each service process it starts and sees end, so that a later
 * devstack can end what this one leaves running if it dies unexpectedly. Called on the engine
 * thread: implementations must not block.
 */
public interface ProcessJournal {

    void started(String service, long pid);

    void ended(String service, long pid);
}
