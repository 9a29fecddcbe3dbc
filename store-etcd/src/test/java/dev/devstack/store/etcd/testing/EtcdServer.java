package dev.devstack.store.etcd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One etcd process (/usr/bin/etcd) on 127.0.0.1 with ports of its own, its data in a folder of the
 * test's; a single-member etcd ({@link #running}) or a member of an {@link EtcdCluster}.
 * It can be stopped, killed with SIGKILL and started again on the same ports and data; its output
 * goes to {@code etcd.log} beside the data, for a failing test to show.
 */
public final class EtcdServer implements AutoCloseable {

    private static final String ETCD = "/usr/bin/etcd";

    private final String name;
    private final int clientPort;
    private final int peerPort;
    private final Path data;
    private final Path log;
    private TestCertificates tls;
    private String initialCluster;
    private String clusterToken;
    private Process process;

    EtcdServer(String name, Path folder) {
        this.name = name;
        this.clientPort = freePort();
        this.peerPort = freePort();
        this.data = folder.resolve(name + ".etcd");
        this.log = folder.resolve(name + ".log");
    }

    /** A single-member etcd that answers: {@code try (EtcdServer etcd = EtcdServer.running(tempDir)) { ... }}. */
    public static EtcdServer running(Path folder) {
        EtcdServer server = new EtcdServer("solo", folder);
        try {
            server.start();
        } catch (RuntimeException | Error e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /**
     * A single-member etcd that speaks TLS to clients and asks them for a certificate its CA signed
     * ({@code --client-cert-auth}), as a team that secures its registry runs it.
     */
    public static EtcdServer runningWithTls(Path folder, TestCertificates certificates) {
        EtcdServer server = new EtcdServer("secure", folder);
        server.tls = certificates;
        try {
            server.start();
        } catch (RuntimeException | Error e) {
            server.kill();
            throw e;
        }
        return server;
    }

    String name() {
        return name;
    }

    /** "m0=http://127.0.0.1:PEER", for --initial-cluster. */
    String peer() {
        return name + "=http://127.0.0.1:" + peerPort;
    }

    void cluster(String initialCluster, String token) {
        this.initialCluster = initialCluster;
        this.clusterToken = token;
    }

    public URI endpoint() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + clientPort);
    }

    public int clientPort() {
        return clientPort;
    }

    /** Starts etcd (again, on the same ports and data) without waiting for it to answer. */
    public void launch() {
        if (alive()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>(List.of(ETCD, "--name", name, "--data-dir", data.toString(),
                "--listen-client-urls", endpoint().toString(), "--advertise-client-urls", endpoint().toString(),
                "--listen-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-cluster", initialCluster == null ? peer() : initialCluster,
                "--initial-cluster-token", clusterToken == null ? name : clusterToken,
                "--listen-metrics-urls", "http://127.0.0.1:" + freePort()));
        if (tls != null) {
            command.addAll(List.of("--cert-file", tls.serverCert().toString(), "--key-file", tls.serverKey().toString(),
                    "--trusted-ca-file", tls.ca().toString(), "--client-cert-auth"));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + ETCD + "; is etcd installed?", e);
        }
    }

    /** Starts etcd and waits until it answers. */
    public void start() {
        launch();
        awaitHealthy(Duration.ofSeconds(20));
    }

    public void awaitHealthy(Duration timeout) {
        Await.until(timeout, name + " at " + endpoint() + " to answer (" + logTail() + ")", () -> {
            if (!alive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ": " + logTail());
            }
            return healthy();
        });
    }

    /** Ends etcd with SIGTERM and waits for it. */
    public void stop() {
        end(false);
    }

    /** Ends etcd with SIGKILL and waits for it. */
    public void kill() {
        end(true);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        kill();
    }

    private void end(boolean force) {
        if (!alive()) {
            return;
        }
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Runs {@code etcdctl} against this member (as root, once auth is enabled) and fails the test if it fails. */
    public void etcdctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/etcdctl", "--endpoints=" + endpoint()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("etcdctl did not finish in 20 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("etcdctl failed: " + command + "\n" + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run etcdctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether etcd answers: its /health over HTTP; with TLS, that it accepts connections on its client port. */
    private boolean healthy() {
        if (tls != null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), clientPort), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/health").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            try {
                return connection.getResponseCode() == 200
                        && new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .contains("\"health\":\"true\"");
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    String logTail() {
        try {
            if (!Files.exists(log)) {
                return "no output yet";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "cannot read " + log + ": " + e.getMessage();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
