package dev.devstack.supervisor.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a user may want to know about one unit of a running stack at one moment (the
 * dashboard's details view, `inspect` on the control socket): the command as run and its folder,
 * its environment with secrets masked by the stack itself, its ports and why, its checks and what
 * they last found, its restart policy and restarts, its log file and the processes of its group.
 */
public record ServiceInspection(String service, String command, Path folder, List<EnvironmentEntry> environment,
                                List<PortAssignment> ports, List<CheckStatus> checks, RestartSettings restart,
                                List<RestartRecord> restarts, Path logFile, List<GroupProcess> processes) {

    public ServiceInspection {
        environment = List.copyOf(environment);
        ports = List.copyOf(ports);
        checks = List.copyOf(checks);
        restarts = List.copyOf(restarts);
        processes = List.copyOf(processes);
    }
}
