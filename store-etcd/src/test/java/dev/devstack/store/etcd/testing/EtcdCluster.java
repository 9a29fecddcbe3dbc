package dev.devstack.store.etcd.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Three etcd members on 127.0.0.1 forming one cluster (a Raft quorum of two), each with its own data. */
public final class EtcdCluster implements AutoCloseable {

    private final List<EtcdServer> members = new ArrayList<>();

    private EtcdCluster() {
    }

    public static EtcdCluster start(Path folder) {
        EtcdCluster cluster = new EtcdCluster();
        for (int i = 0; i < 3; i++) {
            cluster.members.add(new EtcdServer("m" + i, folder));
        }
        String initial = cluster.members.stream().map(EtcdServer::peer).collect(Collectors.joining(","));
        String token = "devstack-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try {
            // The members wait for each other before any answers, so all start before the first wait.
            for (EtcdServer member : cluster.members) {
                member.cluster(initial, token);
                member.launch();
            }
            for (EtcdServer member : cluster.members) {
                member.awaitHealthy(Duration.ofSeconds(30));
            }
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public List<EtcdServer> members() {
        return List.copyOf(members);
    }

    public List<URI> endpoints() {
        return members.stream().map(EtcdServer::endpoint).toList();
    }

    @Override
    public void close() {
        members.forEach(EtcdServer::kill);
    }
}
