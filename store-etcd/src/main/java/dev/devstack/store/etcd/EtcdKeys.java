package dev.devstack.store.etcd;

import io.etcd.jetcd.ByteSequence;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a team registry keeps what, under {@code /devstack/NAMESPACE/}: {@code guard} (bumped by
 * every committed update, so that one comparison tells whether anything changed since a snapshot),
 * {@code lease/HOST/OWNER}, {@code sticky/HOST/OWNER}, {@code process/HOST/PROCESS},
 * {@code event/SEQUENCE} (19 digits, so that keys sort in the order written) and {@code pools}.
 * OWNER and PROCESS are {@link dev.devstack.store.LeaseCodec}'s keys.
 */
final class EtcdKeys {

    private final String root;

    EtcdKeys(String namespace) {
        this.root = "/devstack/" + namespace + "/";
    }

    ByteSequence guard() {
        return bytes(root + "guard");
    }

    ByteSequence pools() {
        return bytes(root + "pools");
    }

    /** Every host's leases. */
    ByteSequence leases() {
        return bytes(root + "lease/");
    }

    ByteSequence lease(String host, String ownerKey) {
        return bytes(root + "lease/" + host + "/" + ownerKey);
    }

    /** The host and owner key of a key under {@link #leases()}; empty for a key devstack did not write. */
    Optional<LeaseKey> leaseKey(ByteSequence key) {
        String rest = text(key).substring(root.length() + "lease/".length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(new LeaseKey(rest.substring(0, slash), rest.substring(slash + 1)));
    }

    ByteSequence stickyPorts(String host) {
        return bytes(root + "sticky/" + host + "/");
    }

    ByteSequence sticky(String host, String ownerKey) {
        return bytes(root + "sticky/" + host + "/" + ownerKey);
    }

    ByteSequence processes(String host) {
        return bytes(root + "process/" + host + "/");
    }

    ByteSequence process(String host, String processKey) {
        return bytes(root + "process/" + host + "/" + processKey);
    }

    ByteSequence events() {
        return bytes(root + "event/");
    }

    /** The first key after every {@code event/} key: the end of their range. */
    ByteSequence eventsEnd() {
        return bytes(root + "event0");
    }

    ByteSequence event(long sequence) {
        return bytes(root + "event/" + String.format("%019d", sequence));
    }

    /** What follows {@code prefix} in {@code key}: the owner key of a sticky port, say. */
    static String after(ByteSequence prefix, ByteSequence key) {
        return text(key).substring(text(prefix).length());
    }

    static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    static String text(ByteSequence bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A lease's key: the host that holds it and {@link dev.devstack.store.LeaseCodec#key}'s text of its owner. */
    record LeaseKey(String host, String ownerKey) {
    }
}
