package dev.devstack.supervisor.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Starts a service's command in its own process group. */
public interface Launcher {

    /**
     * Starts {@code command} through the shell; events go to {@code listener}. With a {@code
     * terminal} size, the command runs under a pseudo-terminal of its own of that size, else with
     * pipes. Returns the run's input, which the caller closes once the run is over.
     */
    ServiceConsole launch(String command, Path cwd, Map<String, String> environment, Optional<TerminalSize> terminal,
                          ProcessListener listener);
}
