package dev.devstack.store.etcd;

import dev.devstack.store.RegistryException;
import dev.devstack.store.TeamRegistrySettings;
import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * What went wrong in a call to etcd, in words: jetcd and gRPC fail with their own exception classes
 * and status codes, and a user is told what happened and what to do, never a class name.
 */
record EtcdFailure(Kind kind, String reason) {

    enum Kind {
        /** No member answered: the registry is down, or far away. */
        UNREACHABLE,
        /** etcd answered and refused: the user, password or certificate. */
        REFUSED,
        /** This process's etcd lease is gone (it expired while etcd could not be reached). */
        LEASE_GONE,
        /** etcd answered with an error of its own. */
        OTHER
    }

    static EtcdFailure of(Throwable thrown, Duration waited) {
        Throwable failure = unwrap(thrown);
        if (failure instanceof TimeoutException || failure instanceof SocketTimeoutException) {
            return new EtcdFailure(Kind.UNREACHABLE, "no answer within " + seconds(waited));
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
                return new EtcdFailure(Kind.UNREACHABLE, "connection refused");
            }
            if (cause instanceof NoRouteToHostException) {
                return new EtcdFailure(Kind.UNREACHABLE, "no route to the host");
            }
            if (cause instanceof UnknownHostException) {
                return new EtcdFailure(Kind.UNREACHABLE, "unknown host name");
            }
            if (cause instanceof SSLException) {
                return new EtcdFailure(Kind.REFUSED, "the TLS handshake failed");
            }
        }
        Status status = Status.fromThrowable(failure);
        String said = failure instanceof EtcdException && failure.getMessage() != null ? failure.getMessage()
                : status.getDescription() == null ? "" : status.getDescription();
        return switch (code(failure, status)) {
            case "UNAVAILABLE" -> new EtcdFailure(Kind.UNREACHABLE, "no member answers");
            case "DEADLINE_EXCEEDED" -> new EtcdFailure(Kind.UNREACHABLE, "no answer within " + seconds(waited));
            case "UNAUTHENTICATED" -> new EtcdFailure(Kind.REFUSED, "etcd refused the user or password");
            case "PERMISSION_DENIED" -> new EtcdFailure(Kind.REFUSED, "etcd's user may not use this namespace");
            case "NOT_FOUND" -> said.contains("lease")
                    ? new EtcdFailure(Kind.LEASE_GONE, "this devstack's etcd lease expired")
                    : new EtcdFailure(Kind.OTHER, words(said));
            case "CANCELLED" -> new EtcdFailure(Kind.UNREACHABLE, "the connection was closed");
            default -> new EtcdFailure(Kind.OTHER, said.isEmpty() ? "etcd failed ("
                    + status.getCode().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")" : words(said));
        };
    }

    /** "cannot reach the team registry etcd://… (namespace web) from SOURCE: REASON; NEXT STEP". */
    RegistryException exception(String doing, TeamRegistrySettings settings) {
        String next = switch (kind) {
            case UNREACHABLE -> "start etcd there, or run with --registry local";
            case REFUSED -> "check the registry's user, password and TLS files in " + settings.source();
            case LEASE_GONE -> "try again";
            case OTHER -> "try again; if it happens again, ask whoever runs the team registry";
        };
        String what = kind == Kind.UNREACHABLE ? "cannot reach the team registry" : doing;
        return new RegistryException(what + " " + settings.describe() + " from " + settings.source() + ": " + reason
                + "; " + next);
    }

    private static String code(Throwable failure, Status status) {
        return failure instanceof EtcdException etcd ? etcd.getErrorCode().name() : status.getCode().name();
    }

    /** etcd's own message ("etcdserver: too many operations in txn request") without its prefix. */
    private static String words(String said) {
        return said.startsWith("etcdserver: ") ? said.substring("etcdserver: ".length()) : said;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof ExecutionException || failure instanceof CompletionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static String seconds(Duration waited) {
        return waited.toMillis() % 1000 == 0 ? waited.toSeconds() + " s" : waited.toMillis() + " ms";
    }
}
