package dev.devstack.app.init;

import java.util.ArrayList;
import java.util.List;

/**
 * What one source (a file such as Procfile or package.json) gave: its services, what init says
 * about it, and comments for the written file about what it left out.
 *
 * @param files the files read, named as the header of ports.yaml names them
 */
public record SourceScan(List<String> files, List<ServiceDraft> services, List<Finding> findings,
                         List<String> leftOut) {

    public SourceScan {
        files = List.copyOf(files);
        services = List.copyOf(services);
        findings = List.copyOf(findings);
        leftOut = List.copyOf(leftOut);
    }

    /** Collects a scan as a source reads its files. */
    static final class Builder {
        private final List<String> files = new ArrayList<>();
        private final List<ServiceDraft> services = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<String> leftOut = new ArrayList<>();

        Builder read(String file) {
            if (!files.contains(file)) {
                files.add(file);
            }
            return this;
        }

        Builder service(ServiceDraft service, String why) {
            services.add(service);
            findings.add(Finding.found(service.origin(), why));
            return this;
        }

        Builder found(String source, String text) {
            findings.add(Finding.found(source, text));
            return this;
        }

        Builder problem(String source, String text) {
            findings.add(Finding.problem(source, text));
            return this;
        }

        /** Something the source has that init could not turn into a service: said now and written as a comment. */
        Builder leftOut(String source, String text) {
            findings.add(Finding.found(source, text));
            leftOut.add(source + ": " + text);
            return this;
        }

        SourceScan build() {
            return new SourceScan(files, services, findings, leftOut);
        }
    }
}
