package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.config.PortRange;
import java.nio.charset.StandardCharsets;
import java.util.PrimitiveIterator;

/**
 * The order in which a range is scanned for one owner: from an offset hashed from (project,
 * service, port name), wrapping around, so that projects do not all crowd the bottom of the
 * range and a service tends to land on the same port even on a fresh machine.
 */
public final class ScanOrder {

    private ScanOrder() {
    }

    public static int offset(PortRange range, String project, String service, String portName) {
        byte[] key = (project + '\0' + service + '\0' + portName).getBytes(StandardCharsets.UTF_8);
        int hash = 0x811c9dc5;
        for (byte b : key) {
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
