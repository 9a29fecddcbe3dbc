package dev.devstack.supervisor.run;

import java.nio.file.Path;
import java.util.Map;

/** Starts a service's command in its own process group. */
public interface Launcher {

    /** Starts {@code command} through the shell; events go to {@code listener}. */
    void launch(String command, Path cwd, Map<String, String> environment, ProcessListener listener);
}
