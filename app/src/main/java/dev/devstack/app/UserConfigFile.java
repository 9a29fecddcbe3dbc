package dev.devstack.app;

import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The user's devstack configuration, {@code $XDG_CONFIG_HOME/devstack/config.yaml} (else
 * {@code ~/.config/devstack/config.yaml}): settings of the user, not of a project, such as which
 * registry to use. Read as a tree of scalars with their lines, so that every problem names its line.
 */
final class UserConfigFile {

    /** A scalar value and where it was written. */
    record Value(String text, int line, int column) {
    }

    private static final Set<String> SECTIONS = Set.of("tls", "auth");

    private final Path file;
    private final Map<String, Value> values;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private UserConfigFile(Path file, Map<String, Value> values) {
        this.file = file;
        this.values = values;
    }

    /** No file at all: the environment names no home to look in. */
    static UserConfigFile absent() {
        return new UserConfigFile(null, Map.of());
    }

    /** Where the file is for this environment, whether or not it exists. */
    static Optional<Path> location(Map<String, String> environment) {
        String xdg = environment.getOrDefault("XDG_CONFIG_HOME", "");
        if (xdg.startsWith("/")) {
            return Optional.of(Path.of(xdg, "devstack", "config.yaml"));
        }
        String home = environment.getOrDefault("HOME", "");
        return home.startsWith("/") ? Optional.of(Path.of(home, ".config", "devstack", "config.yaml")) : Optional.empty();
    }

    /**
     * The file's settings, none when it does not exist; {@code allowed} names the keys ("registry",
     * "tls.ca"). What is wrong with the file is kept for {@link #throwIfProblems()}, with what the reader adds.
     */
    static UserConfigFile read(Path file, Set<String> allowed) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new UserConfigFile(file, Map.of());
        } catch (IOException e) {
            throw DevstackException.invalidConfig("cannot read " + file + ": " + e.getMessage(),
                    List.of("fix the file's permissions, or move it away to use the defaults"));
        }
        UserConfigFile config = new UserConfigFile(file, new LinkedHashMap<>());
        config.parse(text, allowed);
        return config;
    }

    Path file() {
        return file;
    }

    Optional<Value> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A problem of {@code value}'s line, for {@link #throwIfProblems()}. */
    void problem(Value value, String message) {
        problems.add(new ConfigProblem(file.toString(), value.line(), value.column(), message));
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw DevstackException.configProblems(file + " has " + (problems.size() == 1 ? "a problem" : problems.size()
                    + " problems") + " (devstack's user configuration)", List.copyOf(problems));
        }
    }

    private void parse(String text, Set<String> allowed) {
        Optional<Node> document = SideYaml.root(file, text, problems);
        if (document.isEmpty()) {
            return;
        }
        Node root = document.get();
        if (!(root instanceof MappingNode mapping)) {
            problems.add(at(root, "the file is a mapping of settings (`registry: ...`), not " + root.getNodeId()));
            return;
        }
        walk(mapping, "", allowed);
    }

    private void walk(MappingNode mapping, String prefix, Set<String> allowed) {
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            String path = prefix + key;
            Node value = tuple.getValueNode();
            if (prefix.isEmpty() && SECTIONS.contains(key) && value instanceof MappingNode section) {
                walk(section, key + ".", allowed);
            } else if (!allowed.contains(path)) {
                problems.add(at(tuple.getKeyNode(), "`" + path + "` is not a setting of this file; it has "
                        + String.join(", ", allowed.stream().sorted().toList())));
            } else if (value instanceof ScalarNode scalar) {
                values.put(path, new Value(scalar.getValue(), line(value), value.getStartMark().getColumn() + 1));
            } else {
                problems.add(at(value, "`" + path + "` takes one value, not a " + value.getNodeId()));
            }
        }
    }

    private ConfigProblem at(Node node, String message) {
        return new ConfigProblem(file.toString(), line(node), node.getStartMark().getColumn() + 1, message);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
