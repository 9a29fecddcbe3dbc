package dev.devstack.app.init;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * `devstack init`: reads every source a folder has, in a fixed order (so that the same folder always
 * gives the same file), and puts their services together under names that do not collide.
 */
public final class ProjectInit {

    private static final List<InitSource> SOURCES = List.of(new ProcfileSource(), new ProcessComposeSource(),
            new ComposeSource(), new DjangoSource(), new PythonWebSource(), new RailsSource(), new SpringBootSource(),
            new PackageJsonSource());

    private static final String ENV_FILE = ".env";

    /** What init looks for, for the message when it finds nothing. */
    public static final List<String> LOOKS_FOR = List.of("Procfile (and .env)", "process-compose.yaml",
            "compose.yaml or docker-compose.yml", "manage.py (Django)", "pyproject.toml or requirements.txt with flask"
                    + " or fastapi", "Gemfile with rails", "pom.xml or build.gradle(.kts) with Spring Boot",
            "package.json scripts (and workspaces)");

    private ProjectInit() {
    }

    public static InitProposal propose(Path projectDir) {
        ProjectFiles files = new ProjectFiles(projectDir);
        Set<String> sources = new LinkedHashSet<>();
        List<ServiceDraft> services = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Optional<String> processList = Optional.empty();
        for (InitSource source : SOURCES) {
            Optional<SourceScan> scan;
            try {
                scan = source.scan(files);
            } catch (ProjectFiles.UnreadableFile e) {
                findings.add(Finding.problem(e.where(), e.getMessage() + "; init goes on without it"));
                continue;
            }
            if (scan.isEmpty()) {
                continue;
            }
            if (source.role() == InitSource.Role.FRAMEWORK && processList.isPresent()) {
                for (ServiceDraft service : scan.get().services()) {
                    String text = "would be " + service.name() + " (`" + service.command() + "`), left out: "
                            + processList.get() + " lists the processes";
                    findings.add(Finding.found(service.origin(), text));
                    leftOut.add(service.origin() + ": " + text);
                }
                continue;
            }
            if (source.role() == InitSource.Role.PROCESSES && !scan.get().services().isEmpty()) {
                processList = Optional.of(scan.get().files().get(0));
            }
            if (!scan.get().services().isEmpty() || !scan.get().leftOut().isEmpty()) {
                sources.addAll(scan.get().files());
            }
            findings.addAll(scan.get().findings());
            leftOut.addAll(scan.get().leftOut());
            services.addAll(uniqueNames(scan.get().services(), services, findings));
        }
        if (!services.isEmpty() && files.isFile(ENV_FILE)) {
            sources.add(ENV_FILE);
            findings.add(Finding.found(ENV_FILE, "its variables reach every service: ports.yaml reads " + ENV_FILE
                    + " beside it (env_file)"));
        }
        return new InitProposal(List.copyOf(sources), DependencyRepair.repair(services), findings, leftOut);
    }

    /** A name another source took already gets a number; the dependencies inside the scan follow it. */
    private static List<ServiceDraft> uniqueNames(List<ServiceDraft> scanned, List<ServiceDraft> taken,
                                                  List<Finding> findings) {
        Set<String> names = new LinkedHashSet<>();
        taken.forEach(service -> names.add(service.name()));
        Map<String, String> renamed = new HashMap<>();
        for (ServiceDraft service : scanned) {
            String name = service.name();
            for (int i = 2; names.contains(name); i++) {
                name = service.name() + "-" + i;
            }
            names.add(name);
            if (!name.equals(service.name())) {
                renamed.put(service.name(), name);
                findings.add(Finding.found(service.origin(), "named " + name + ": " + service.name() + " is taken"));
            }
        }
        return scanned.stream().map(service -> service.withName(renamed.getOrDefault(service.name(), service.name()))
                .withDependsOn(service.dependsOn().stream().map(d -> d.renamed(renamed.getOrDefault(d.service(),
                        d.service()))).toList())).toList();
    }
}
