package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
/**
 * How a process's end is told to the user. A death by signal arrives as the bare signal number,
 * the same as an exit with that code, so devstack remembers which signal it sent itself and says
 * "stopped by devstack (SIGTERM)", "killed by devstack (SIGKILL)" and "exit 137" apart.
 */
record ExitDescription(String text) {

    /** A process devstack stopped: {@code means} is what it used ("SIGTERM", "stop_command"), {@code signal} the last signal sent. */
    static ExitDescription stopped(int code, Signal signal, String means) {
        if (signal != null && code == signal.number()) {
            return new ExitDescription(signal == Signal.KILL ? "killed by devstack (SIGKILL)"
                    : "stopped by devstack (" + signal + ")");
        }
        return new ExitDescription("stopped by devstack (" + means + "), exit " + code);
    }

    /** A process that ended on its own. */
    static ExitDescription natural(int code) {
        return new ExitDescription(switch (code) {
            case 0 -> "exit 0";
            case NuProcessLauncher.COMMAND_NOT_FOUND -> "exit 127: command not found (see its output above)";
            case 126 -> "exit 126: the command is not executable";
            default -> Signal.of(code).filter(s -> s == Signal.KILL || s == Signal.TERM)
                    .map(s -> "exit " + code + " (or killed by " + s + " from outside devstack)")
                    .orElse("exit " + code);
        });
    }
}
