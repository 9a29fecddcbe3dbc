package dev.devstack.supervisor.run;

import dev.devstack.detect.ConnectProbe;

/** Passes when the port accepts a TCP connection, on 127.0.0.1 or ::1. */
final class TcpProbe implements Probe {

    private final ConnectProbe connect;
    private final int port;

    TcpProbe(ConnectProbe connect, int port) {
        this.connect = connect;
        this.port = port;
    }

    @Override
    public Result attempt() {
        return connect.accepts(port) ? new Result(true, "accepts connections") : new Result(false, "refused");
    }

    @Override
    public String describe() {
        return CheckNames.tcp(port);
    }
}
