package dev.devstack.agent.proxy;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the agent's own site. {@code target} is the path with its query
 * ({@code /api/claims?name=db}); {@code headers} are keyed by their names in lower case.
 */
public record LocalRequest(String method, String target, Map<String, String> headers, byte[] body,
                           InetSocketAddress remote) {

    /** The most a request to the agent's own site may carry: a claim or a release is a few hundred bytes. */
    public static final int MAX_BODY = 64 * 1024;

    public LocalRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
