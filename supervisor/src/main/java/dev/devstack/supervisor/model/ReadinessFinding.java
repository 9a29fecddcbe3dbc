package dev.devstack.supervisor.model;

import java.time.Duration;
import java.util.Optional;

/**
 * What a `ready:` check found: that the service is ready, or why the wait for it was given up.
 * {@code check} describes the check as the user wrote it ("http GET /status on port 3000"),
 * {@code result} is what its last attempt saw ("HTTP 503").
 */
public sealed interface ReadinessFinding {

    /** A line of its output matched the `log` check's pattern. */
    record LineMatched(String pattern) implements ReadinessFinding {
    }

    /** Its port accepts connections. */
    record PortAccepts(int port) implements ReadinessFinding {
    }

    /** An http or exec check passed. */
    record CheckPassed(String check, String result) implements ReadinessFinding {
    }

    /** No line matched the `log` check's pattern within its timeout. */
    record NoLineMatched(Duration timeout, String pattern) implements ReadinessFinding {
    }

    /** The check failed as often as its `retries` allow; {@code last} is empty for a tcp check. */
    record ChecksFailed(int failures, String check, Optional<String> last) implements ReadinessFinding {
    }

    /** The check did not pass within its timeout; {@code last} is empty for a tcp check. */
    record TimedOut(Duration timeout, String check, Optional<String> last) implements ReadinessFinding {
    }
}
