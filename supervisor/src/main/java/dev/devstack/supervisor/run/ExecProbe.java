package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.DetailText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Passes when a command (run with `sh -c`, in the service's folder and with its environment, so
 * {@code $PORT} works) exits with 0 in time. A command that takes too long is killed with
 * whatever it started.
 */
final class ExecProbe implements Probe {

    private final String command;
    private final Path cwd;
    private final Map<String, String> environment;
    private final Duration timeout;

    ExecProbe(String command, Path cwd, Map<String, String> environment, Duration timeout) {
        this.command = command;
        this.cwd = cwd;
        this.environment = environment;
        this.timeout = timeout;
    }

    @Override
    public Result attempt() {
        ProcessBuilder builder = new ProcessBuilder(ShellCommand.plain(command)).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = null;
        try {
            process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Result(false, "still running after " + DetailText.seconds(timeout) + ", killed");
            }
            int code = process.exitValue();
            return new Result(code == 0, "exit " + code);
        } catch (IOException e) {
            return new Result(false, "could not run it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    @Override
    public String describe() {
        return CheckNames.exec(command);
    }
}
