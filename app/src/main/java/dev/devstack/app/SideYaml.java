package dev.devstack.app;

import dev.devstack.supervisor.ConfigProblem;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A small YAML file of devstack's besides ports.yaml (the user's config.yaml, a team's pools file),
 * read as SnakeYAML's nodes, which keep their lines for every problem.
 */
final class SideYaml {

    private SideYaml() {
    }

    /** The document's root; empty for an empty file, or when it is not YAML (then said in {@code problems}). */
    static Optional<Node> root(Path file, String text, List<ConfigProblem> problems) {
        try {
            return Optional.ofNullable(new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text)));
        } catch (MarkedYAMLException e) {
            problems.add(new ConfigProblem(file.toString(), e.getProblemMark().getLine() + 1,
                    e.getProblemMark().getColumn() + 1, "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(new ConfigProblem(file.toString(), 0, 0, "not valid YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }
}
