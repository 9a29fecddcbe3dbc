package dev.devstack.detect;

/**
 * Facts about one process. {@code startMillis} tells a process from a later one that reused
 * its pid. {@code commandLine} is empty when the process belongs to another user.
 */
public record ProcessInfo(long pid, long startMillis, String user, String commandLine) {

    /** "pid 1234 (python3 app.py, user dev)" for messages. */
    public String describe() {
        StringBuilder text = new StringBuilder("pid ").append(pid);
        if (!commandLine.isEmpty() || !user.isEmpty()) {
            text.append(" (");
            text.append(commandLine.isEmpty() ? "command hidden" : abbreviate(commandLine));
            if (!user.isEmpty()) {
                text.append(", user ").append(user);
            }
            text.append(')');
        }
        return text.toString();
    }

    /** One line of at most 80 characters: command lines may hold newlines (e.g. `python3 -c` scripts). */
    private static String abbreviate(String command) {
        String line = command.replaceAll("\\s+", " ").strip();
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
