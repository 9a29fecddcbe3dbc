package dev.devstack.store.etcd;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps jetcd's libraries off stderr: gRPC and Netty log through java.util.logging, and Vert.x too
 * when SLF4J has no binding that logs (devstack's has none), so a lost connection would print
 * warnings with stack traces over the dashboard. devstack reports what matters in its own words.
 */
final class QuietLibraries {

    /** java.util.logging holds its loggers weakly: a level set on one that is collected is lost. */
    private static final List<Logger> SILENCED = List.of(Logger.getLogger("io.grpc"), Logger.getLogger("io.netty"),
            Logger.getLogger("io.vertx"), Logger.getLogger("io.etcd"));

    private QuietLibraries() {
    }

    static void silence() {
        SILENCED.forEach(logger -> logger.setLevel(Level.OFF));
    }
}
