package dev.devstack.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `registry:` (or DEVSTACK_REGISTRY, or `--registry`) says: {@code local}, or
 * {@code etcd://HOST:PORT[,HOST:PORT...][/NAMESPACE]}.
 */
record RegistryAddress(List<HostPort> members, Optional<String> namespace) {

    record HostPort(String host, int port) {
    }

    /** What a namespace may be: it is part of every key of the team's registry. */
    static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern MEMBER = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9_.-]+):(\\d{1,5})");
    static final String FORM = "`local` or `etcd://HOST:PORT[,HOST:PORT...][/NAMESPACE]`";

    RegistryAddress {
        members = List.copyOf(members);
    }

    /** Empty for {@code local}; the problem in words when {@code text} is neither form. */
    static Optional<RegistryAddress> parse(String text) throws Unreadable {
        String value = text.trim();
        if (value.equals("local")) {
            return Optional.empty();
        }
        if (!value.startsWith("etcd://")) {
            throw new Unreadable("`" + value + "` is not " + FORM);
        }
        String rest = value.substring("etcd://".length());
        int slash = rest.indexOf('/');
        Optional<String> namespace = Optional.empty();
        if (slash >= 0) {
            String name = rest.substring(slash + 1);
            if (!NAMESPACE.matcher(name).matches()) {
                throw new Unreadable("`" + name + "` in `" + value + "` is not a namespace: 1 to 63 lower-case letters,"
                        + " digits, `_`, `.` and `-`, starting with a letter or digit");
            }
            namespace = Optional.of(name);
            rest = rest.substring(0, slash);
        }
        List<HostPort> members = new ArrayList<>();
        for (String member : rest.split(",", -1)) {
            Matcher matcher = MEMBER.matcher(member.trim());
            int port = matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
            if (port < 1 || port > 65_535) {
                throw new Unreadable("`" + member.trim() + "` in `" + value + "` is not HOST:PORT (" + FORM + ")");
            }
            members.add(new HostPort(matcher.group(1), port));
        }
        return Optional.of(new RegistryAddress(members, namespace));
    }

    List<URI> endpoints(boolean tls) {
        return members.stream().map(m -> URI.create((tls ? "https://" : "http://") + m.host() + ":" + m.port())).toList();
    }

    /** The value is neither `local` nor an etcd address; the message says why. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }
}
