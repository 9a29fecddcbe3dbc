package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code extends: OTHER}: the other service's settings (themselves resolved, so
 * chains work) with the service's own merged over them by {@link YamlMerge}. A circle of services
 * extending each other is a problem at the {@code extends} that closes it.
 */
final class ServiceExtends {

    private final Problems problems;
    private final Values values;

    ServiceExtends(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    YamlNode.Mapping resolve(YamlNode.Mapping top) {
        Map<String, YamlNode> resolved = new HashMap<>();
        return ConfigLayers.eachService(top, (name, node, services) -> resolve(name, services, resolved,
                new ArrayList<>()));
    }

    private YamlNode resolve(String name, YamlNode.Mapping services, Map<String, YamlNode> resolved, List<String> chain) {
        YamlNode done = resolved.get(name);
        if (done != null) {
            return done;
        }
        YamlNode node = services.entries().get(name).value();
        if (!(node instanceof YamlNode.Mapping own) || !own.entries().containsKey(ConfigLayers.EXTENDS)) {
            resolved.put(name, node);
            return node;
        }
        YamlNode.Entry entry = own.entries().get(ConfigLayers.EXTENDS);
        YamlNode.Mapping rest = ConfigLayers.without(own, ConfigLayers.EXTENDS);
        YamlNode result = rest;
        String base = values.nonBlankText("extends", entry.value()).orElse(null);
        if (base != null && !services.entries().containsKey(base)) {
            problems.add(entry.value().location(), "service `" + name + "` extends `" + base + "`, which is not a"
                    + " service" + Suggestions.hint(base, services.entries().keySet()));
        } else if (base != null && (base.equals(name) || chain.contains(base))) {
            int start = chain.indexOf(base);
            List<String> circle = start < 0 ? new ArrayList<>() : new ArrayList<>(chain.subList(start, chain.size()));
            circle.add(name);
            circle.add(base);
            problems.add(entry.value().location(), "services extend each other in a circle: "
                    + String.join(" → ", circle) + "; remove one of the `extends`");
        } else if (base != null) {
            List<String> longer = new ArrayList<>(chain);
            longer.add(name);
            result = YamlMerge.merge(resolve(base, services, resolved, longer), rest);
        }
        resolved.put(name, result);
        return result;
    }
}
