package dev.devstack.agent.names;

import java.util.List;

/**
 * Where a request for one host name goes: what the agent's route table answers for the name in a
 * request's {@code Host}, and what the proxy then does with it.
 */
public sealed interface Route {

    /** To a running service: its current port on loopback (127.0.0.1, else ::1). */
    record Forward(String service, String project, int port) implements Route {
    }

    /**
     * A name the agent knows whose service cannot take requests now (stopped, starting, crashed):
     * a page that names it, its phase and its last lines, and retries by itself.
     */
    record Waiting(String service, String project, String phase, List<String> lastLines) implements Route {

        public Waiting {
            lastLines = List.copyOf(lastLines);
        }
    }

    /** A {@code .localhost} name that no running stack has: a page listing those that exist. */
    record Unknown(String name, List<Known> names) implements Route {

        public Unknown {
            names = List.copyOf(names);
        }
    }

    /** The agent's own site ({@code devstack.localhost}, plain {@code localhost} and loopback addresses). */
    record Local() implements Route {
    }

    /** A name that is not a {@code .localhost} name: never proxied (no open proxy, no DNS rebinding). */
    record Refused(String name) implements Route {
    }

    /** A name that routes somewhere, for the pages that list them: its host name, service, project, phase. */
    record Known(String host, String service, String project, String phase) {
    }
}
