package dev.devstack.agent.proxy;

import java.time.Duration;

/**
 * What the name proxy allows a client and waits for a backend: the bounds that keep one hostile or
 * broken client (a 1 MB header, a slowloris, thousands of idle connections) from costing the others.
 *
 * @param maxInitialLine the longest request line ({@code GET /path HTTP/1.1}); longer is answered 414
 * @param maxHeaderBlock the most all of a request's headers may take together; more is answered 431
 * @param headTimeout    how long a client has to send a whole request head once it has started one (or
 *                       connected): a slowloris is closed after it, with 408 if it sent anything
 * @param idleTimeout    how long a keep-alive connection may wait between requests before it is closed
 * @param connectTimeout how long to wait for a service's port to accept before answering 502
 */
public record ProxyLimits(int maxInitialLine, int maxHeaderBlock, Duration headTimeout, Duration idleTimeout,
                          Duration connectTimeout) {

    /** 8 KiB line and 64 KiB of headers (as nginx and Node allow, a little more), 10 s, 5 min, 5 s. */
    public static final ProxyLimits DEFAULTS = new ProxyLimits(8 * 1024, 64 * 1024, Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofSeconds(5));

    public ProxyLimits {
        if (maxInitialLine < 64 || maxHeaderBlock < 256) {
            throw new IllegalArgumentException("limits too small to read any request: line " + maxInitialLine
                    + " bytes, headers " + maxHeaderBlock + " bytes");
        }
        if (headTimeout.isNegative() || headTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("every timeout must be positive: " + headTimeout + ", " + idleTimeout
                    + ", " + connectTimeout);
        }
    }

    public ProxyLimits withHeadTimeout(Duration timeout) {
        return new ProxyLimits(maxInitialLine, maxHeaderBlock, timeout, idleTimeout, connectTimeout);
    }

    public ProxyLimits withIdleTimeout(Duration timeout) {
        return new ProxyLimits(maxInitialLine, maxHeaderBlock, headTimeout, timeout, connectTimeout);
    }
}
