package dev.devstack.supervisor;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.LeaseOwner;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Why a service could not have a port it wanted, as facts: the audit log, the conflict message
 * and the dashboard each make their own words of it ({@link PortText} for the plain ones).
 *
 * @param earlierRun set when what holds the port looked like an earlier run of the service
 */
public record PortRefusal(int port, Blocker blocker, Optional<EarlierRun> earlierRun) {

    public PortRefusal(int port, Blocker blocker) {
        this(port, blocker, Optional.empty());
    }

    /** What stood in the way. */
    public sealed interface Blocker {
    }

    /** The port went to another service of the same stack. */
    public record OtherService() implements Blocker {
    }

    /** A live lease of another project (or instance) has it; {@code pid} when the lease is tied to a process. */
    public record Leased(LeaseOwner owner, OptionalLong pid) implements Blocker {
    }

    /** Something listens on it. */
    public record InUse(Listener listener) implements Blocker {
    }

    /** The user may not bind it ({@code reason} is the kernel's). */
    public record NotAllowed(String reason) implements Blocker {
    }

    /** It was free when probed and taken before devstack could hold it. */
    public record Raced() implements Blocker {
    }

    /** What listens on a port, as far as devstack can see it. */
    public sealed interface Listener {
    }

    /** A process devstack can see; {@code command} is empty when it is another user's. */
    public record Seen(long pid, String user, String command) implements Listener {

        public Seen(ProcessInfo process) {
            this(process.pid(), process.user(), process.commandLine());
        }
    }

    /** Listed in /proc/net/tcp but its process is out of sight: {@code otherUser}'s pids are hidden, or it is in another namespace. */
    public record Hidden(String user, boolean otherUser) implements Listener {
    }

    /** Not even its socket was found (it went away, or it listens in another network namespace). */
    public record Unseen() implements Listener {
    }

    /**
     * The holder looked like an earlier run of {@code service} ({@code evidence} says why);
     * {@code endFailed}: devstack tried to end it ({@code on_conflict: kill-own}) and the port stayed taken.
     */
    public record EarlierRun(String service, String evidence, boolean endFailed) {
    }
}
