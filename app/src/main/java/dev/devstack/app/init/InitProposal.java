package dev.devstack.app.init;

import java.util.List;

/**
 * What `devstack init` proposes for a folder: the services for ports.yaml, in the order they are
 * written; what it saw and why, for the user; and what it left out, as comments for the file.
 *
 * @param sources the files the services come from, in the order they were read
 */
public record InitProposal(List<String> sources, List<ServiceDraft> services, List<Finding> findings,
                           List<String> leftOut) {

    public InitProposal {
        sources = List.copyOf(sources);
        services = List.copyOf(services);
        findings = List.copyOf(findings);
        leftOut = List.copyOf(leftOut);
    }

    public boolean isEmpty() {
        return services.isEmpty();
    }
}
