package dev.devstack.app.http;

import dev.devstack.supervisor.model.StackSnapshot;
import java.util.function.Function;

/**
 * A document written once per snapshot, not once per request: the stack publishes a new snapshot
 * object on every change, so the one last written for is recognised by identity. Two requests
 * that meet a new snapshot at once may both write it; either result is the same.
 */
final class PerSnapshot {

    private record Written(StackSnapshot snapshot, byte[] bytes) {
    }

    private final Function<StackSnapshot, byte[]> writer;
    private volatile Written last;

    PerSnapshot(Function<StackSnapshot, byte[]> writer) {
        this.writer = writer;
    }

    byte[] of(StackSnapshot snapshot) {
        Written written = last;
        if (written == null || written.snapshot() != snapshot) {
            written = new Written(snapshot, writer.apply(snapshot));
            last = written;
        }
        return written.bytes();
    }
}
