package dev.devstack.app.init;

import dev.devstack.supervisor.config.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Compose file: each service with a command runs here as a process (its published port preferred,
 * its environment, depends_on with conditions, its healthcheck as `ready:`). A service that is only
 * an image has nothing to run outside a container: it is left out with a comment, and its
 * dependents do not wait for it.
 */
final class ComposeSource implements InitSource {

    static final List<String> FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

    @Override
    public Role role() {
        return Role.CONTAINERS;
    }

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        Optional<String> file = FILES.stream().filter(files::isFile).findFirst();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        SourceScan.Builder scan = new SourceScan.Builder().read(file.get());
        DocumentNode services = DocumentNode.yaml(file.get(), files.text(file.get()).orElseThrow()).get("services");
        if (!services.isMap()) {
            scan.problem(services.path(), "no services (a mapping of name: service) to read");
            return Optional.of(scan.build());
        }
        NamedEntries named = NamedEntries.of(services, "service", Set.of("service_completed_successfully"));
        Map<String, String> names = named.names();
        services.entries().forEach((key, node) -> service(files, file.get(), key, node, names, scan).ifPresent(draft -> {
            ServiceDraft service = named.completed().contains(key) ? draft.asOneshot() : draft;
            scan.service(service, "→ " + service.name() + (service.ports().isEmpty() ? "" : ", port "
                    + service.ports().get(0) + " (its published port)") + (service.oneshot() ? ", a one-shot task (a"
                    + " dependent waits for it to complete)" : "") + (service.ready().isPresent()
                    ? ", its healthcheck as ready" : ""));
        }));
        return Optional.of(scan.build());
    }

    private static Optional<ServiceDraft> service(ProjectFiles files, String file, String key, DocumentNode node,
                                                  Map<String, String> names, SourceScan.Builder scan) {
        String origin = file + ": services." + key;
        String name = names.get(key);
        List<String> command = new ArrayList<>(words(node.get("entrypoint")));
        command.addAll(words(node.get("command")));
        Optional<String> image = node.get("image").text();
        if (command.isEmpty()) {
            scan.leftOut(origin, image.map(i -> "image " + i + " with no command: run it yourself (docker compose up "
                    + key + ") or add it to ports.yaml with a command that runs it here").orElse("no command (it is"
                    + " in its Dockerfile): add it to ports.yaml with the command that runs it here"));
            return Optional.empty();
        }
        String line = command.size() == 1 ? command.get(0) : ShellWords.join(command);
        ServiceDraft draft = ServiceDraft.of(name, origin, References.escaped(line)).withEnv(References.escaped(node.get("environment")
                .environment()));
        if (image.isPresent()) {
            draft = draft.withNote("its image was " + image.get() + ": this command must be installed here");
        }
        Optional<String> context = node.get("build").isMap() ? node.get("build").get("context").text()
                : node.get("build").text();
        Optional<String> folder = context.map(c -> c.replaceAll("^\\./", "").replaceAll("/+$", ""))
                .filter(c -> !c.isEmpty() && !c.equals(".") && files.isFolder(c));
        if (folder.isPresent()) {
            draft = draft.withCwd(folder.get());
        }
        draft = ports(draft, node.get("ports"));
        DocumentNode healthcheck = node.get("healthcheck");
        Optional<CheckDraft> check = healthcheck.get("disable").text().filter("true"::equals).isPresent()
                ? Optional.empty() : HealthcheckTranslation.of(healthcheck.get("test"));
        if (check.isPresent()) {
            draft = draft.withReady(check.get()).withNote("ready: its healthcheck, which ran in the container; here"
                    + " it runs on this machine");
        }
        return Optional.of(draft.withDependsOn(dependencies(node.get("depends_on"), names)));
    }

    private static List<String> words(DocumentNode node) {
        return node.isList() ? node.texts() : node.text().filter(t -> !t.isBlank()).map(List::of).orElse(List.of());
    }

    /** The first published port is the one preferred here; a container's port alone is published at random, so it is no preference. */
    private static ServiceDraft ports(ServiceDraft draft, DocumentNode ports) {
        for (DocumentNode port : ports.items()) {
            Optional<String> published = port.isMap() ? port.get("published").text()
                    : port.text().filter(p -> p.contains(":")).map(p -> p.split("/")[0])
                    .map(p -> p.substring(0, p.lastIndexOf(':'))).map(p -> p.substring(p.lastIndexOf(':') + 1));
            if (published.isEmpty() || !published.get().matches("\\d{1,5}")) {
                continue;
            }
            int number = Integer.parseInt(published.get());
            if (number < 1024 || number > 65535) {
                return draft.withNote("port " + number + " is privileged (below 1024) or no port: devstack"
                        + " gives it an automatic one");
            }
            return draft.withPorts(List.of(number)).withNote("port " + number + ", as published: if its command"
                    + " does not listen on $PORT, add `on_conflict: fail` so that it never moves");
        }
        return ports.items().isEmpty() ? draft.withoutPort() : draft;
    }

    private static List<DependencyDraft> dependencies(DocumentNode node, Map<String, String> names) {
        List<DependencyDraft> dependencies = new ArrayList<>();
        if (node.isList()) {
            node.texts().forEach(other -> dependencies.add(DependencyDraft.of(names.getOrDefault(other, other))));
        }
        node.entries().forEach((other, entry) -> {
            String target = names.getOrDefault(other, other);
            String condition = entry.get("condition").text().orElse("service_started");
            switch (condition) {
                case "service_healthy" -> dependencies.add(DependencyDraft.of(target, Condition.READY));
                case "service_completed_successfully" -> dependencies.add(DependencyDraft.of(target, Condition.COMPLETED));
                default -> dependencies.add(DependencyDraft.of(target, Condition.STARTED));
            }
        });
        return dependencies;
    }
}
