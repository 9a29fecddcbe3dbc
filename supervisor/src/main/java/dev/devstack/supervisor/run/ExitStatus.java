package dev.devstack.supervisor.run;

/** What devstack learns when a service's process has ended. */
sealed interface ExitStatus {

    /** Its exit status, or for a death by signal the signal's number. */
    record Code(int code) implements ExitStatus {
    }

    /** It never ran: its command could not be started. */
    record NeverStarted() implements ExitStatus {
    }

    /** It has ended, but devstack is not its parent (an adopted process), so how is not known. */
    record Unknown() implements ExitStatus {
    }
}
