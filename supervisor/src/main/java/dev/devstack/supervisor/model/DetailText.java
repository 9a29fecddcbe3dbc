package dev.devstack.supervisor.model;

import dev.devstack.supervisor.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The English words for a service's detail and how its process ended, as every text output prints them. */
public final class DetailText {

    private static final int COMMAND_NOT_FOUND = 127;
    private static final int NOT_EXECUTABLE = 126;

    private DetailText() {
    }

    public static String of(ServiceDetail detail) {
        if (detail instanceof ServiceDetail.None) {
            return "";
        }
        if (detail instanceof ServiceDetail.Launching launching) {
            return launching.command();
        }
        if (detail instanceof ServiceDetail.Adopting adopting) {
            return "adopting " + adopting.holder();
        }
        if (detail instanceof ServiceDetail.Started started) {
            return "pid " + started.pid();
        }
        if (detail instanceof ServiceDetail.AwaitingDaemon awaiting) {
            return awaiting(awaiting);
        }
        if (detail instanceof ServiceDetail.DaemonTookOver daemon) {
            return "pid " + daemon.pid() + " (started by its command, which exited 0)";
        }
        if (detail instanceof ServiceDetail.Ready ready) {
            return of(ready.finding()) + " after " + seconds(ready.after());
        }
        if (detail instanceof ServiceDetail.NotReady notReady) {
            return of(notReady.finding());
        }
        if (detail instanceof ServiceDetail.Unhealthy unhealthy) {
            return "health check failed " + unhealthy.failures() + " times in a row ("
                    + unhealthy.check() + ": " + unhealthy.result() + ")";
        }
        if (detail instanceof ServiceDetail.HealthyAgain healthy) {
            return "healthy again (" + healthy.check() + ": " + healthy.result() + ")";
        }
        if (detail instanceof ServiceDetail.Ended ended) {
            return of(ended.exit());
        }
        if (detail instanceof ServiceDetail.Completed) {
            return "completed";
        }
        if (detail instanceof ServiceDetail.RestartScheduled restart) {
            return of(restart.exit()) + ", restart " + restart.restart() + " in "
                    + seconds(restart.delay());
        }
        if (detail instanceof ServiceDetail.RestartingNow restart) {
            return of(restart.exit()) + ", restart " + restart.restart() + " now ("
                    + of(restart.reason()) + ")";
        }
        if (detail instanceof ServiceDetail.GaveUp gaveUp) {
            return of(gaveUp.exit()) + "; gave up after " + gaveUp.restarts()
                    + (gaveUp.restarts() == 1 ? " restart" : " restarts") + " in a row";
        }
        if (detail instanceof ServiceDetail.LaunchFailed failed) {
            return "could not start `" + failed.command() + "` in " + failed.cwd();
        }
        if (detail instanceof ServiceDetail.NotStarted notStarted) {
            return "not started: " + of(notStarted.cause());
        }
        if (detail instanceof ServiceDetail.NotRestarted notRestarted) {
            return "not restarted: " + of(notRestarted.cause());
        }
        if (detail instanceof ServiceDetail.LeftRunning left) {
            return "left running: pid " + left.pid() + " was adopted, not started by devstack";
        }
        if (detail instanceof ServiceDetail.Stopping stopping) {
            return of(stopping.means())
                    + (stopping.means() instanceof StopMeans.StopCommand ? " running" : " sent")
                    + stopping.killAfter().map(after -> ", SIGKILL in " + seconds(after)).orElse("");
        }
        if (detail instanceof ServiceDetail.KillAfterTimeout timeout) {
            return "did not stop within " + seconds(timeout.waited()) + " of "
                    + of(timeout.means()) + "; SIGKILL sent";
        }
        if (detail instanceof ServiceDetail.PipesHeldOpen) {
            return "killed, but its output pipes are still open (a process that left its"
                    + " group holds them)";
        }
        if (detail instanceof ServiceDetail.AskedToStart) {
            return "asked to start";
        }
        if (detail instanceof ServiceDetail.AskedToRestart) {
            return "asked to restart";
        }
        if (detail instanceof ServiceDetail.FilesChanged) {
            return "files it watches changed";
        }
        if (detail instanceof ServiceDetail.Reconfigured) {
            return "its configuration changed; it starts again with the new one";
        }
        if (detail instanceof ServiceDetail.WaitsAgain again) {
            return "waits for " + again.service() + " again";
        }
        if (detail instanceof ServiceDetail.WaitsFor waits) {
            return waitsFor(waits);
        }
        ServiceDetail.WaitsForUnready waits = (ServiceDetail.WaitsForUnready) detail;
        return "waits for " + waits.service() + ", which is " + of(waits.detail());
    }

    public static String of(ExitDescription exit) {
        if (exit instanceof ExitDescription.Signalled signalled) {
            return signalled.signal() == Signal.KILL ? "killed by devstack (SIGKILL)"
                    : "stopped by devstack (" + signalled.signal() + ")";
        }
        if (exit instanceof ExitDescription.Stopped stopped) {
            return "stopped by devstack (" + of(stopped.means()) + "), exit " + stopped.code();
        }
        ExitDescription.Natural natural = (ExitDescription.Natural) exit;
        return natural(natural.code());
    }

    public static String of(ReadinessFinding finding) {
        if (finding instanceof ReadinessFinding.LineMatched matched) {
            return "a line matched /" + matched.pattern() + "/";
        }
        if (finding instanceof ReadinessFinding.PortAccepts accepts) {
            return "port " + accepts.port() + " accepts connections";
        }
        if (finding instanceof ReadinessFinding.CheckPassed passed) {
            return passed.check() + " passed (" + passed.result() + ")";
        }
        if (finding instanceof ReadinessFinding.NoLineMatched none) {
            return "not ready after " + seconds(none.timeout()) + " (no line matched /"
                    + none.pattern() + "/)";
        }
        if (finding instanceof ReadinessFinding.ChecksFailed failed) {
            return "not ready after " + failed.failures() + " failed checks ("
                    + failed.check() + failed.last().map(last -> ": " + last).orElse("") + ")";
        }
        ReadinessFinding.TimedOut timedOut = (ReadinessFinding.TimedOut) finding;
        return "not ready after " + seconds(timedOut.timeout()) + " ("
                    + timedOut.check() + timedOut.last().map(last -> ": " + last).orElse("") + ")";
    }

    public static String of(StopMeans means) {
        if (means instanceof StopMeans.StopCommand) {
            return "stop_command";
        }
        StopMeans.SignalSent sent = (StopMeans.SignalSent) means;
        return sent.signal().toString();
    }

    public static String of(RestartReason reason) {
        return switch (reason) {
            case UNHEALTHY -> "unhealthy";
            case ASKED -> "asked for";
            case WATCH -> "files changed";
        };
    }

    public static String of(StopCause cause) {
        if (cause instanceof StopCause.Shutdown) {
            return "the stack is stopping";
        }
        if (cause instanceof StopCause.Asked) {
            return "stopped on request";
        }
        if (cause instanceof StopCause.Removed) {
            return "removed from the configuration";
        }
        if (cause instanceof StopCause.Reconfigured) {
            return "its configuration changed";
        }
        return "stopped to restart (" + of(((StopCause.Restart) cause).reason()) + ")";
    }

    /** Whole seconds as "5s", anything finer as "0.25s". */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
    }

    private static String natural(int code) {
        return switch (code) {
            case 0 -> "exit 0";
            case COMMAND_NOT_FOUND -> "exit 127: command not found (see its output above)";
            case NOT_EXECUTABLE -> "exit 126: the command is not executable";
            default -> Signal.of(code).filter(s -> s == Signal.KILL || s == Signal.TERM)
                    .map(s -> "exit " + code + " (or killed by " + s + " from outside devstack)")
                    .orElse("exit " + code);
        };
    }

    private static String awaiting(ServiceDetail.AwaitingDaemon awaiting) {
        List<String> signs = new ArrayList<>();
        awaiting.port().ifPresent(port -> signs.add("listen on port " + port));
        awaiting.pidfile().ifPresent(file -> signs.add("write " + file));
        return "its command (pid " + awaiting.command() + ") exited 0; waiting up to " + seconds(awaiting.waitUpTo())
                + " for what it left running to " + String.join(" or ", signs);
    }

    private static String waitsFor(ServiceDetail.WaitsFor waits) {
        String what = switch (waits.condition()) {
            case STARTED -> "start";
            case READY -> "be ready";
            case COMPLETED -> "complete";
        };
        String status = switch (waits.state()) {
            case CRASHED -> "it crashed";
            case FAILED -> "it failed";
            case EXITED -> "it exited";
            case STOPPED -> "it was stopped";
            default -> "it is " + waits.state().word();
        };
        String detail = of(waits.detail());
        return "waits for " + waits.service() + " to " + what + ", but " + status
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
