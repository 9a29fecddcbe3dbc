package dev.devstack.supervisor.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the agent gives a stack's services (docs/names.md): {@code SERVICE.PROJECT.localhost},
 * {@code SERVICE.INSTANCE.PROJECT.localhost} for an instance other than the default, and
 * {@code PROJECT.localhost} (or {@code INSTANCE.PROJECT.localhost}) for the project's front door.
 * Each part is made a DNS label: lower case, letters, digits and dashes, at most 63 characters.
 */
public final class HostNames {

    /** Every name ends so: browsers, curl and glibc resolve {@code *.localhost} to loopback (RFC 6761). */
    public static final String SUFFIX = "localhost";
    /** The agent's own site. */
    public static final String AGENT = "devstack." + SUFFIX;
    public static final String DEFAULT_INSTANCE = "default";

    private static final int MAX_LABEL = 63;
    private static final Pattern REPLICA = Pattern.compile("(.+)\\.(\\d+)");

    private HostNames() {
    }

    public static String service(String service, String instance, String project) {
        return label(service) + "." + stack(instance, project);
    }

    /** The front door's name, which is also what every name of the stack ends with. */
    public static String stack(String instance, String project) {
        return (instance.equals(DEFAULT_INSTANCE) ? "" : label(instance) + ".") + label(project) + "." + SUFFIX;
    }

    public static String url(String host, int port) {
        return "http://" + host + ":" + port;
    }

    /** The service a unit belongs to: {@code web.1} is replica 1 of {@code web} (a service name has no dot). */
    public static String serviceOf(String unit) {
        Matcher replica = REPLICA.matcher(unit);
        return replica.matches() ? replica.group(1) : unit;
    }

    /** {@code name} as a DNS label: "My Shop_2" is "my-shop-2"; a name with nothing usable is "x". */
    static String label(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String label = lower.length() > MAX_LABEL ? lower.substring(0, MAX_LABEL).replaceAll("-+$", "") : lower;
        return label.isEmpty() ? "x" : label;
    }
}
