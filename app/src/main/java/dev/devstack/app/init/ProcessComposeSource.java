package dev.devstack.app.init;

import dev.devstack.supervisor.config.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * process-compose.yaml: each process a service, with its working_dir, environment, depends_on
 * conditions and readiness probe (http_get or exec). process-compose knows no ports: a process is
 * given one only when its http_get probe names it, else `port: none`.
 */
final class ProcessComposeSource implements InitSource {

    static final List<String> FILES = List.of("process-compose.yaml", "process-compose.yml");
    /** devstack's `completed` is an exit with 0; process_completed (any exit) is the nearest it has. */
    private static final Set<String> COMPLETED = Set.of("process_completed", "process_completed_successfully");

    @Override
    public Role role() {
        return Role.PROCESSES;
    }

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        Optional<String> file = FILES.stream().filter(files::isFile).findFirst();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        SourceScan.Builder scan = new SourceScan.Builder().read(file.get());
        DocumentNode processes = DocumentNode.yaml(file.get(), files.text(file.get()).orElseThrow()).get("processes");
        if (!processes.isMap()) {
            scan.problem(processes.path(), "no processes (a mapping of name: process) to read");
            return Optional.of(scan.build());
        }
        NamedEntries named = NamedEntries.of(processes, "process", COMPLETED);
        Map<String, String> names = named.names();
        processes.entries().forEach((key, node) -> process(files, file.get(), key, node, names, scan).ifPresent(draft -> {
            ServiceDraft service = named.completed().contains(key) ? draft.asOneshot() : draft;
            scan.service(service, "→ " + service.name()
                    + (service.oneshot() ? ", a one-shot task (a dependent waits for it to complete)" : "")
                    + (service.ready().isPresent() ? ", its readiness probe as ready" : ""));
        }));
        return Optional.of(scan.build());
    }

    private static Optional<ServiceDraft> process(ProjectFiles files, String file, String key, DocumentNode node,
                                                  Map<String, String> names, SourceScan.Builder scan) {
        String origin = file + ": processes." + key;
        Optional<String> command = node.get("command").text().filter(c -> !c.isBlank());
        if (command.isEmpty()) {
            scan.leftOut(origin, "no command; left out");
            return Optional.empty();
        }
        if (node.get("disabled").text().filter("true"::equals).isPresent()) {
            scan.leftOut(origin, "disabled; left out (add it with `profiles:` to start it on request)");
            return Optional.empty();
        }
        ServiceDraft draft = ServiceDraft.of(names.get(key), origin, References.escaped(command.get()))
                .withEnv(References.escaped(node.get("environment").environment()));
        Optional<String> folder = node.get("working_dir").text().map(d -> d.replaceAll("^\\./", "")
                .replaceAll("/+$", ""));
        if (folder.isPresent() && !folder.get().isEmpty() && !folder.get().equals(".")) {
            draft = files.isFolder(folder.get()) && !folder.get().startsWith("/") ? draft.withCwd(folder.get())
                    : draft.withNote("working_dir " + folder.get() + " is not a folder of the project: it runs in"
                    + " the project folder");
        }
        draft = readiness(draft, node.get("readiness_probe"));
        return Optional.of(draft.withDependsOn(dependencies(node.get("depends_on"), names)));
    }

    private static ServiceDraft readiness(ServiceDraft draft, DocumentNode probe) {
        DocumentNode http = probe.get("http_get");
        if (http.isMap()) {
            ServiceDraft checked = draft.withReady(CheckDraft.http(http.get("path").text().orElse("/")));
            Optional<Integer> port = http.get("port").text().filter(p -> p.matches("\\d{4,5}")).map(Integer::parseInt)
                    .filter(p -> p >= 1024 && p <= 65535);
            return port.map(p -> checked.withPorts(List.of(p)).withNote("port " + p + ", from its readiness probe: if"
                    + " its command does not listen on $PORT, add `on_conflict: fail` so that it never moves"))
                    .orElse(checked);
        }
        Optional<String> exec = probe.get("exec").get("command").text();
        return exec.map(c -> draft.withoutPort().withReady(CheckDraft.exec(c))).orElse(draft.withoutPort());
    }

    private static List<DependencyDraft> dependencies(DocumentNode node, Map<String, String> names) {
        List<DependencyDraft> dependencies = new ArrayList<>();
        node.entries().forEach((other, entry) -> {
            String target = names.getOrDefault(other, other);
            switch (entry.get("condition").text().orElse("process_started")) {
                case "process_healthy" -> dependencies.add(DependencyDraft.of(target, Condition.READY));
                case "process_completed", "process_completed_successfully" ->
                        dependencies.add(DependencyDraft.of(target, Condition.COMPLETED));
                default -> dependencies.add(DependencyDraft.of(target, Condition.STARTED));
            }
        });
        return dependencies;
    }
}
