package dev.devstack.supervisor;

import java.util.List;

/**
 * The one exception devstack reports to users. Its message says what went wrong, where, and what
 * to do next; {@link #details()} holds one line per problem when there are several.
 */
public final class DevstackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;
    private final List<String> details;

    private DevstackException(ErrorCategory category, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.details = List.copyOf(details);
    }

    public static DevstackException invalidConfig(String summary, List<String> problems) {
        return new DevstackException(ErrorCategory.INVALID_CONFIG, summary, problems, null);
    }

    public static DevstackException portConflicts(String summary, List<String> conflicts) {
        return new DevstackException(ErrorCategory.PORT_CONFLICT, summary, conflicts, null);
    }

    public static DevstackException alreadyRunning(String message) {
        return new DevstackException(ErrorCategory.ALREADY_RUNNING, message, List.of(), null);
    }

    public static DevstackException state(String message, Throwable cause) {
        return new DevstackException(ErrorCategory.STATE, message, List.of(), cause);
    }

    public static DevstackException stopFailed(String message) {
        return new DevstackException(ErrorCategory.STOP_FAILED, message, List.of(), null);
    }

    public ErrorCategory category() {
        return category;
    }

    public List<String> details() {
        return details;
    }
}
