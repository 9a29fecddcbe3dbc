package dev.devstack.cli;

import dev.devstack.app.ClaimRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** The options `claim` and `run` share: which port they want, and the lease's name. */
final class PortChoice {

    @Option(names = "--port", paramLabel = "P[,P2...]",
            description = "Preferred ports: the first free one, else the next free port above the last (said on stderr).")
    String ports;

    @Option(names = "--range", paramLabel = "FIRST-LAST", description = "Any free port of this range (default 20000-29999).")
    String range;

    @Option(names = "--name", description = "A name for the lease: claiming it again gives the same port; release by name.")
    String name;

    ClaimRequest request(CommandLine command, Optional<Duration> ttl, OptionalLong pid) {
        if (ports != null && range != null) {
            throw new ParameterException(command, "give --port or --range, not both");
        }
        return new ClaimRequest(ports == null ? List.of() : PortArguments.ports(command, "--port", ports),
                Optional.ofNullable(range).map(text -> PortArguments.range(command, text)), Optional.ofNullable(name),
                ttl, pid);
    }
}
