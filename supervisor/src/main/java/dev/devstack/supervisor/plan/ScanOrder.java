package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.PortRange;
import java.nio.charset.StandardCharsets;
import java.util.PrimitiveIterator;

/**
 * The order in which a range is scanned for one owner: from an offset hashed from (user, project,
 * service, port name), wrapping around, so that projects do not all crowd the bottom of the
 * range and a service tends to land on the same port even on a fresh machine.
 *
 * <p>The user is in the hash because each user's registry is private: a port another user has
 * claimed but not yet listened on is invisible here, and two users who started from the same
 * place would be handed the same ports one after the other.
 */
public final class ScanOrder {

    private ScanOrder() {
    }

    /**
     * Without a user, as `up` scans: its project folder is in the hash, and two users' checkouts
     * are usually folders of their own.
     */
    public static int offset(PortRange range, String project, String service, String portName) {
        return offset(range, "", project, service, portName);
    }

    /** An empty {@code user} gives the same offset as {@link #offset(PortRange, String, String, String)}. */
    public static int offset(PortRange range, String user, String project, String service, String portName) {
        String key = project + '\0' + service + '\0' + portName;
        byte[] bytes = (user.isEmpty() ? key : user + '\0' + key).getBytes(StandardCharsets.UTF_8);
        int hash = 0x811c9dc5;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Math.floorMod(hash, range.size());
    }

    public static PrimitiveIterator.OfInt ports(PortRange range, int offset) {
        return new PrimitiveIterator.OfInt() {
            private int step;

            @Override
            public boolean hasNext() {
                return step < range.size();
            }

            @Override
            public int nextInt() {
                return range.first() + (offset + step++) % range.size();
            }
        };
    }
}
