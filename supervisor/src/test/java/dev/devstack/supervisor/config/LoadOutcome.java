package dev.devstack.supervisor.config;

import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What loading a project folder came to, judged by the rule every input must keep: it loads, or it
 * is refused with problems that each name a file and line; no other exception, nothing that is
 * not printable, and at most a second of CPU time.
 */
record LoadOutcome(List<String> problems, Throwable unexpected, Duration cpu) {

    static final Duration SLOWEST = Duration.ofSeconds(1);
    private static final Pattern LOCATED = Pattern.compile("[^:\\s]+:[1-9]\\d*(?::[1-9]\\d*)?: \\S.*");

    static LoadOutcome of(Path dir) {
        long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        List<String> problems = List.of();
        Throwable unexpected = null;
        try {
            new ConfigLoader(Map.of("HOME", "/home/dev")).load(dir);
        } catch (DevstackException e) {
            problems = e.details();
            if (e.category() != ErrorCategory.INVALID_CONFIG || e.details().isEmpty()) {
                unexpected = e;
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            unexpected = e;
        }
        return new LoadOutcome(problems, unexpected,
                Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start));
    }

    boolean loaded() {
        return problems.isEmpty() && unexpected == null;
    }

    /** What breaks the rule, as a kind of failure ("unlocated", "IllegalStateException", …), or empty. */
    Optional<String> violation() {
        if (unexpected != null) {
            return Optional.of(unexpected instanceof DevstackException e ? "refused without problem lines: "
                    + e.getMessage() : unexpected.getClass().getSimpleName());
        }
        if (cpu.compareTo(SLOWEST) > 0) {
            return Optional.of("slow");
        }
        for (String problem : problems) {
            if (!LOCATED.matcher(problem).matches()) {
                return Optional.of("unlocated");
            }
            if (problem.chars().anyMatch(Character::isISOControl)) {
                return Optional.of("control character");
            }
        }
        return Optional.empty();
    }

    /** The first problem line, "loads", or what went wrong otherwise. */
    String summary() {
        return unexpected != null ? String.valueOf(unexpected) : problems.isEmpty() ? "loads" : problems.get(0);
    }
}
