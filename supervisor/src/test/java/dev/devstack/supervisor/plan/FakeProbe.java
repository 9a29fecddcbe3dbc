package dev.devstack.supervisor.plan;

import dev.devstack.detect.PortProbe;
import dev.devstack.detect.PortReservation;
import dev.devstack.detect.PortStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ports are free unless marked; records which ports were probed. Cannot hold. */
final class FakeProbe implements PortProbe {

    private final Map<Integer, PortStatus> statuses = new HashMap<>();
    final List<Integer> probed = new ArrayList<>();

    FakeProbe inUse(int... ports) {
        for (int port : ports) {
            statuses.put(port, new PortStatus.InUse("127.0.0.1 port " + port));
        }
        return this;
    }

    FakeProbe notAllowed(int port) {
        statuses.put(port, new PortStatus.NotAllowed("127.0.0.1 port " + port, "Permission denied"));
        return this;
    }

    @Override
    public PortStatus check(int port) {
        probed.add(port);
        return statuses.getOrDefault(port, new PortStatus.Free());
    }

    @Override
    public Optional<PortReservation> hold(int port) {
        throw new UnsupportedOperationException("planning tests with a fake probe do not hold");
    }
}
