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
    private final List<PortConflict> conflicts;
    private final List<ConfigProblem> problems;

    private DevstackException(ErrorCategory category, String message, List<String> details, Throwable cause) {
        this(category, message, details, List.of(), List.of(), cause);
    }

    private DevstackException(ErrorCategory category, String message, List<String> details,
                              List<PortConflict> conflicts, List<ConfigProblem> problems, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.details = List.copyOf(details);
        this.conflicts = List.copyOf(conflicts);
        this.problems = List.copyOf(problems);
    }

    public static DevstackException invalidConfig(String summary, List<String> problems) {
        return new DevstackException(ErrorCategory.INVALID_CONFIG, summary, problems, null);
    }

    /** Problems of a configuration, typed ({@link #problems()}) and, one a line, in words. */
    public static DevstackException configProblems(String summary, List<ConfigProblem> problems) {
        return new DevstackException(ErrorCategory.INVALID_CONFIG, summary,
                problems.stream().map(ConfigProblem::toString).toList(), List.of(), problems, null);
    }

    public static DevstackException portConflicts(String summary, List<String> conflicts) {
        return new DevstackException(ErrorCategory.PORT_CONFLICT, summary, conflicts, null);
    }

    /** The ports a stack could not be given, typed ({@link #conflicts()}) and in words. */
    public static DevstackException portConflicts(List<PortConflict> conflicts) {
        return new DevstackException(ErrorCategory.PORT_CONFLICT, PortText.summary(conflicts),
                conflicts.stream().map(PortText::conflict).toList(), conflicts, List.of(), null);
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

    /** The planner's conflicts, one per line of {@link #details()}; empty for every other failure. */
    public List<PortConflict> conflicts() {
        return conflicts;
    }

    /** The configuration's problems with their places, one per line of {@link #details()}; empty for other failures. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
