package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.CheckSpec;

/**
 * How a check is named to the user ("tcp on 4012", "http GET /healthz on 4012", "exec
 * `pg_isready`"): by its probe as it runs, and by {@code inspect} before any probe is made.
 */
final class CheckNames {

    private CheckNames() {
    }

    static String tcp(int port) {
        return "tcp on " + port;
    }

    static String http(String path, int port) {
        return "http GET " + path + " on " + port;
    }

    static String exec(String command) {
        return "exec `" + command + "`";
    }

    /** The check of a service whose readiness port is {@code port}. */
    static String of(CheckSpec check, int port) {
        return switch (check.kind()) {
            case TCP -> tcp(port);
            case HTTP -> http(check.target(), port);
            case EXEC -> exec(check.target());
            case LOG -> "log line matching /" + check.target() + "/";
        };
    }
}
