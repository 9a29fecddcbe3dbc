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
 * `devstack up SERVICE…`: the named services and everything they depend on, nothing else. A
 * service of the selection that refers to one outside it (`${svc.url}`) would get a port of a
 * service that does not run, so that is refused with the way out.
 */
public final class StackSelection {

    private StackSelection() {
    }

    public static StackConfig select(StackConfig config, List<String> names) {
        if (names.isEmpty()) {
            return config;
        }
        List<String> all = config.services().stream().map(ServiceSpec::name).toList();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!all.contains(name)) {
                unknown.add("there is no service `" + name + "` in " + config.source() + Suggestions.hint(name, all)
                        + " (services: " + String.join(", ", all) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw DevstackException.invalidConfig("cannot start what was asked for", unknown);
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> chosen = closure(config, names);
        for (ServiceSpec service : config.services()) {
            if (chosen.contains(service.name())) {
                references(service, chosen, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw DevstackException.configProblems("cannot start only " + String.join(", ", names), problems);
        }
        List<ServiceSpec> kept = config.services().stream().filter(s -> chosen.contains(s.name())).toList();
        return new StackConfig(config.projectDir(), config.source(), config.project(), config.range(), config.envFile(),
                kept, config.warnings());
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
