package dev.devstack.supervisor.config;

import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.DevstackException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * `devstack up [SERVICE…] [--profile P…]`: the services named, or without names every service
 * that has no profile; the services of each profile chosen; and everything they depend on, nothing
 * else. A service of the selection that refers to one outside it (`${svc.url}`) would get a port
 * of a service that does not run, so that is refused with the way out.
 */
public final class StackSelection {

    private StackSelection() {
    }

    public static StackConfig select(StackConfig config, Selection selection) {
        List<String> names = selection.services();
        List<String> all = config.services().stream().map(ServiceSpec::name).toList();
        List<String> defined = config.services().stream().flatMap(s -> s.profiles().stream()).distinct().toList();
        if (names.isEmpty() && defined.isEmpty()) {
            refuseUnknown(config, List.of(), selection.profiles(), all, defined);
            return config;
        }
        refuseUnknown(config, names, selection.profiles(), all, defined);
        List<String> roots = new ArrayList<>(names);
        for (ServiceSpec service : config.services()) {
            boolean chosenProfile = service.profiles().stream().anyMatch(selection.profiles()::contains);
            if (chosenProfile || names.isEmpty() && service.profiles().isEmpty()) {
                roots.add(service.name());
            }
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> chosen = closure(config, roots);
        for (ServiceSpec service : config.services()) {
            if (chosen.contains(service.name())) {
                references(service, chosen, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw DevstackException.configProblems("cannot start only " + String.join(", ", chosen), problems);
        }
        List<ServiceSpec> kept = config.services().stream().filter(s -> chosen.contains(s.name())).toList();
        return config.withServices(kept);
    }

    private static void refuseUnknown(StackConfig config, List<String> names, List<String> profiles, List<String> all,
                                      List<String> defined) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!all.contains(name)) {
                unknown.add("there is no service `" + name + "` in " + config.source() + Suggestions.hint(name, all)
                        + " (services: " + String.join(", ", all) + ")");
            }
        }
        for (String profile : profiles) {
            if (!defined.contains(profile)) {
                unknown.add("--profile " + profile + ": no service of " + config.source() + " has that profile"
                        + Suggestions.hint(profile, defined) + (defined.isEmpty() ? " (no service has `profiles:`)"
                        : " (profiles: " + String.join(", ", defined) + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw DevstackException.invalidConfig("cannot start what was asked for", unknown);
        }
    }

    private static Set<String> closure(StackConfig config, List<String> names) {
        Set<String> chosen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (chosen.add(next)) {
                ServiceSpec service = config.service(next).orElseThrow();
                service.dependsOn().forEach(d -> todo.add(d.service()));
                service.inheritPort().ifPresent(todo::add);
            }
        }
        return chosen;
    }

    private static void references(ServiceSpec service, Set<String> chosen, List<ConfigProblem> problems) {
        List<Template> templates = new ArrayList<>(service.env().values());
        templates.add(service.command());
        for (Template template : templates) {
            for (Template.Part part : template.parts()) {
                if (part instanceof Template.ServiceRef ref && !chosen.contains(ref.service())) {
                    Location at = template.location();
                    problems.add(new ConfigProblem(at.file(), at.line(), at.column(), "`" + service.name()
                            + "` refers to " + ref.written() + ", but `" + ref.service() + "` would not run; name it"
                            + " too, or add it to `" + service.name() + "`'s depends_on"));
                }
            }
        }
    }
}
