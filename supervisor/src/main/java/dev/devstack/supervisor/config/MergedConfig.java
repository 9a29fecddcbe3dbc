package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration as devstack reads it once every layer is merged (`devstack config`): each
 * value in the order written, with its origin, and the settings left at their defaults.
 * {@code files} are the files laid over each other, from ports.yaml up.
 */
public record MergedConfig(List<String> files, Optional<String> environment, List<ConfigSetting> settings) {

    public MergedConfig {
        files = List.copyOf(files);
        settings = List.copyOf(settings);
    }

    static MergedConfig of(Layered layered, String folderName, Optional<String> environment) {
        List<ConfigSetting> settings = new ArrayList<>();
        Flattener flattener = new Flattener(settings, layered.fromEnvironment(), environment.orElse(""));
        YamlNode.Mapping top = layered.top();
        if (!top.entries().containsKey("project")) {
            settings.add(ConfigDefaults.setting(List.of(ConfigSetting.Step.key("project")), folderName,
                    "default: the project folder's name"));
        }
        if (!top.entries().containsKey("range")) {
            settings.add(ConfigDefaults.setting(List.of(ConfigSetting.Step.key("range")), PortRange.DEFAULT.toString(),
                    "default"));
        }
        top.entries().forEach((key, entry) -> {
            List<ConfigSetting.Step> path = List.of(ConfigSetting.Step.key(key));
            if (key.equals("services") && entry.value() instanceof YamlNode.Mapping services) {
                services.entries().forEach((name, service) -> flattener.service(name, service.value()));
            } else {
                flattener.add(path, entry.value());
            }
        });
        return new MergedConfig(layered.files(), environment, settings);
    }

    /** Walks the merged tree into settings, in the order the values were written. */
    private record Flattener(List<ConfigSetting> settings, Set<YamlNode> fromEnvironment, String environment) {

        void service(String name, YamlNode node) {
            List<ConfigSetting.Step> path = List.of(ConfigSetting.Step.key("services"), ConfigSetting.Step.key(name));
            add(path, node);
            if (node instanceof YamlNode.Mapping mapping) {
                ConfigDefaults.forService(path, mapping.entries()).forEach(settings::add);
            }
        }

        void add(List<ConfigSetting.Step> path, YamlNode node) {
            if (node instanceof YamlNode.Mapping mapping && !mapping.entries().isEmpty()) {
                mapping.entries().forEach((key, entry) -> add(append(path, ConfigSetting.Step.key(key)), entry.value()));
            } else if (node instanceof YamlNode.Sequence list && !list.items().isEmpty()) {
                for (int i = 0; i < list.items().size(); i++) {
                    add(append(path, ConfigSetting.Step.index(i)), list.items().get(i));
                }
            } else {
                settings.add(new ConfigSetting(path, kind(node), node instanceof YamlNode.Scalar s ? s.text() : "",
                        origin(node)));
            }
        }

        private String origin(YamlNode node) {
            String place = node.location().toString();
            return fromEnvironment.contains(node) ? place + " (environment " + environment + ")" : place;
        }

        private static ConfigSetting.Kind kind(YamlNode node) {
            if (node instanceof YamlNode.Mapping) {
                return ConfigSetting.Kind.EMPTY_MAPPING;
            }
            if (node instanceof YamlNode.Sequence) {
                return ConfigSetting.Kind.EMPTY_LIST;
            }
            return switch (((YamlNode.Scalar) node).kind()) {
                case STRING -> ConfigSetting.Kind.TEXT;
                case INTEGER, DECIMAL -> ConfigSetting.Kind.NUMBER;
                case BOOLEAN -> ConfigSetting.Kind.BOOLEAN;
                case NULL -> ConfigSetting.Kind.NULL;
            };
        }

        private static List<ConfigSetting.Step> append(List<ConfigSetting.Step> path, ConfigSetting.Step step) {
            List<ConfigSetting.Step> longer = new ArrayList<>(path);
            longer.add(step);
            return longer;
        }
    }
}
