package dev.devstack.app.init;

import dev.devstack.supervisor.config.Condition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An {@link InitProposal} as the text of a commented ports.yaml. */
public final class PortsYamlText {

    private PortsYamlText() {
    }

    public static String of(InitProposal proposal) {
        StringBuilder out = new StringBuilder();
        out.append("# Written by `devstack init` from ").append(YamlScalar.comment(String.join(", ",
                proposal.sources()))).append(".\n");
        out.append("# `devstack check` shows what would start and on which ports; every key is described in\n");
        out.append("# devstack's docs/configuration.md.\n");
        out.append("services:\n");
        Map<String, ServiceDraft> byName = proposal.services().stream()
                .collect(Collectors.toMap(ServiceDraft::name, Function.identity()));
        boolean first = true;
        for (ServiceDraft service : proposal.services()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            service(out, service, byName);
        }
        if (!proposal.leftOut().isEmpty()) {
            out.append("\n# Left out:\n");
            proposal.leftOut().forEach(line -> out.append("#   ").append(YamlScalar.comment(line)).append('\n'));
        }
        return out.toString();
    }

    private static void service(StringBuilder out, ServiceDraft service, Map<String, ServiceDraft> byName) {
        out.append("  # from ").append(YamlScalar.comment(service.origin())).append('\n');
        service.notes().forEach(note -> out.append("  # ").append(YamlScalar.comment(note)).append('\n'));
        out.append("  ").append(service.name()).append(":\n");
        key(out, "command", YamlScalar.of(service.command()));
        service.preset().ifPresent(preset -> key(out, "preset", YamlScalar.of(preset)));
        if (!service.cwd().isEmpty()) {
            key(out, "cwd", YamlScalar.of(service.cwd()));
        }
        if (service.oneshot()) {
            key(out, "oneshot", "true");
        }
        if (service.noPort()) {
            key(out, "port", "none");
        } else if (service.ports().size() == 1) {
            key(out, "port", String.valueOf(service.ports().get(0)));
        } else if (!service.ports().isEmpty()) {
            key(out, "port", service.ports().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
        }
        if (!service.env().isEmpty()) {
            out.append("    env:\n");
            service.env().forEach((name, value) -> out.append("      ").append(YamlScalar.of(name)).append(": ")
                    .append(YamlScalar.of(value)).append('\n'));
        }
        dependencies(out, service.dependsOn(), byName);
        service.ready().ifPresent(check -> out.append("    ready:\n      ").append(check.kind().key()).append(": ")
                .append(YamlScalar.of(check.value())).append('\n'));
    }

    /** A list when every dependency waits the default way, else a mapping with each one's condition. */
    private static void dependencies(StringBuilder out, List<DependencyDraft> dependencies,
                                     Map<String, ServiceDraft> byName) {
        if (dependencies.isEmpty()) {
            return;
        }
        if (dependencies.stream().allMatch(d -> d.condition().isEmpty())) {
            key(out, "depends_on", dependencies.stream().map(DependencyDraft::service)
                    .collect(Collectors.joining(", ", "[", "]")));
            return;
        }
        key(out, "depends_on", dependencies.stream().map(d -> d.service() + ": "
                + d.condition().orElseGet(() -> byDefault(byName.get(d.service()))).word())
                .collect(Collectors.joining(", ", "{ ", " }")));
    }

    /** What devstack waits for when a list names the service: docs/configuration.md, Dependencies. */
    private static Condition byDefault(ServiceDraft target) {
        if (target.oneshot()) {
            return Condition.COMPLETED;
        }
        return target.noPort() && target.ready().isEmpty() ? Condition.STARTED : Condition.READY;
    }

    private static void key(StringBuilder out, String key, String value) {
        out.append("    ").append(key).append(": ").append(value).append('\n');
    }
}
