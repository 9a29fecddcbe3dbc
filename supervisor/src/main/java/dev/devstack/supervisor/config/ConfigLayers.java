package dev.devstack.supervisor.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ports.yaml with everything laid over it, in this order: the files it {@code extends} (chained,
 * each under the file that names it), then ports.yaml itself, then {@code ports.local.yaml} (a
 * person's own overrides); then services that {@code extends} another service take its settings as
 * the files have made them; then the chosen environment, then {@code --set}, each changing only
 * the services it names; and last each service's preset goes under it ({@link PresetOverlay}).
 * {@link YamlMerge} says how layers merge.
 */
final class ConfigLayers {

    static final String EXTENDS = "extends";
    static final String PRESET = "preset";

    private final Path dir;
    private final Problems problems;
    private final Values values;

    ConfigLayers(Path dir, Problems problems) {
        this.dir = dir;
        this.problems = problems;
        this.values = new Values(problems);
    }

    /** The merged top of the configuration, or empty when ports.yaml cannot be read (a problem says why). */
    Optional<Layered> read(ConfigChoice choice) {
        Optional<YamlNode.Mapping> main = withBases(dir.resolve(ConfigLoader.PORTS_YAML), new ArrayList<>(), null);
        if (main.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Mapping top = main.get();
        List<String> files = new ArrayList<>(List.of(ConfigLoader.PORTS_YAML));
        Path local = dir.resolve(ConfigLoader.PORTS_LOCAL_YAML);
        if (Files.isRegularFile(local)) {
            Optional<YamlNode.Mapping> overrides = localOverrides(local);
            if (overrides.isPresent()) {
                top = YamlMerge.merge(top, overrides.get());
                files.add(ConfigLoader.PORTS_LOCAL_YAML);
            }
        }
        top = new ServiceExtends(problems).resolve(top);
        EnvironmentOverlay.Applied applied = new EnvironmentOverlay(problems).apply(top, choice);
        top = new SetOverrides(problems).apply(applied.top(), choice.sets());
        top = presets(top);
        return Optional.of(new Layered(top, files, applied.marked()));
    }

    private YamlNode.Mapping presets(YamlNode.Mapping top) {
        return eachService(top, (name, node, services) -> {
            YamlNode applied = PresetOverlay.apply(name, node, problems);
            // an applied preset is spent, as an extends is: what it gave is in the service, located at the preset
            return applied != node && applied instanceof YamlNode.Mapping service ? without(service, PRESET) : applied;
        });
    }

    /** How one layer changes a service: from its name, its settings and all the services as they were. */
    interface ServiceChange {
        YamlNode apply(String name, YamlNode service, YamlNode.Mapping services);
    }

    /** The configuration with each service changed, in order; without a `services:` mapping, as it was. */
    static YamlNode.Mapping eachService(YamlNode.Mapping top, ServiceChange change) {
        YamlNode.Entry section = top.entries().get("services");
        if (section == null || !(section.value() instanceof YamlNode.Mapping services)) {
            return top;
        }
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        services.entries().forEach((name, entry) -> entries.put(name,
                new YamlNode.Entry(entry.keyLocation(), change.apply(name, entry.value(), services))));
        Map<String, YamlNode.Entry> topEntries = new LinkedHashMap<>(top.entries());
        topEntries.put("services", new YamlNode.Entry(section.keyLocation(),
                new YamlNode.Mapping(services.location(), entries)));
        return new YamlNode.Mapping(top.location(), topEntries);
    }

    /** A file with the files it extends merged under it; {@code chain} holds the files that extend it. */
    private Optional<YamlNode.Mapping> withBases(Path file, List<Path> chain, Location extendsAt) {
        Path real = realPath(file);
        if (chain.contains(real)) {
            String circle = chain.subList(chain.indexOf(real), chain.size()).stream().map(this::label)
                    .collect(Collectors.joining(" → ")) + " → " + label(real);
            problems.add(extendsAt, "`extends` goes round in a circle: " + circle + "; remove one of the `extends`");
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> read = mapping(file);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlNode.Entry entry = read.get().entries().get(EXTENDS);
        if (entry == null) {
            return read;
        }
        YamlNode.Mapping own = without(read.get(), EXTENDS);
        Optional<Path> base = values.nonBlankText(EXTENDS, entry.value()).flatMap(name -> baseFile(file, name, entry));
        if (base.isEmpty()) {
            return Optional.of(own);
        }
        List<Path> longer = new ArrayList<>(chain);
        longer.add(real);
        return Optional.of(withBases(base.get(), longer, entry.value().location())
                .map(lower -> YamlMerge.merge(lower, own)).orElse(own));
    }

    private Optional<Path> baseFile(Path file, String name, YamlNode.Entry entry) {
        Path base;
        try {
            base = file.getParent().resolve(name).normalize();
        } catch (InvalidPathException e) {
            problems.add(entry.value().location(), "`extends` is not a valid path: " + e.getReason());
            return Optional.empty();
        }
        if (!Files.isRegularFile(base)) {
            problems.add(entry.value().location(), "`extends: " + name + "`: " + label(base) + (Files.exists(base)
                    ? " is not a regular file" : " does not exist") + "; the path is relative to " + label(file)
                    + "'s folder");
            return Optional.empty();
        }
        return Optional.of(base);
    }

    private Optional<YamlNode.Mapping> localOverrides(Path local) {
        Optional<String> text = TextFile.read(local, ConfigLoader.PORTS_LOCAL_YAML, problems);
        if (text.isEmpty() || text.get().lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            return Optional.empty();
        }
        Optional<YamlNode.Mapping> read = mapping(ConfigLoader.PORTS_LOCAL_YAML, text.get());
        read.map(m -> m.entries().get(EXTENDS)).ifPresent(entry -> problems.add(entry.keyLocation(), "`extends` belongs"
                + " in " + ConfigLoader.PORTS_YAML + "; " + ConfigLoader.PORTS_LOCAL_YAML + " is laid over it as it is"));
        return read.map(m -> without(m, EXTENDS));
    }

    private Optional<YamlNode.Mapping> mapping(Path file) {
        String label = label(file);
        return TextFile.read(file, label, problems).flatMap(text -> mapping(label, text));
    }

    private Optional<YamlNode.Mapping> mapping(String label, String text) {
        Optional<YamlNode> root = new YamlTreeReader(label, problems).read(text);
        if (root.isPresent() && !(root.get() instanceof YamlNode.Mapping)) {
            problems.add(root.get().location(), "the file must be a mapping with `services:`, got "
                    + root.get().describe());
            return Optional.empty();
        }
        return root.map(YamlNode.Mapping.class::cast);
    }

    static YamlNode.Mapping without(YamlNode.Mapping mapping, String key) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(mapping.entries());
        entries.remove(key);
        return new YamlNode.Mapping(mapping.location(), entries);
    }

    /** How messages name a file: relative to the project folder. */
    private String label(Path file) {
        String relative = dir.relativize(file.toAbsolutePath().normalize()).toString();
        return relative.isEmpty() ? "the project folder" : relative;
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
