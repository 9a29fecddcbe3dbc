package dev.devstack.supervisor.config;

/** The ports automatic assignment draws from, both ends included. */
public record PortRange(int first, int last) {

    public static final PortRange DEFAULT = new PortRange(20000, 29999);

    public int size() {
        return last - first + 1;
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
