package dev.devstack.app;

import dev.devstack.store.PortPool;
import dev.devstack.store.TeamPools;
import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A team's pools as its members write them, for `devstack pools --replace FILE`:
 * <pre>
 * users:
 *   alice: 20000-20999
 * projects:
 *   shop: 21000-21099
 * </pre>
 * Two users' pools, or two projects', may not overlap. Every problem names its line.
 */
final class TeamPoolsFile {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})\\s*-\\s*(\\d{1,5})");

    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private TeamPoolsFile(Path file) {
        this.file = file;
    }

    static TeamPools read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw DevstackException.invalidConfig("cannot read " + file + ": " + e.getMessage(),
                    List.of("give the path of a file of pools (docs/team-registry.md, \"Pools\")"));
        }
        TeamPoolsFile reader = new TeamPoolsFile(file);
        TeamPools pools = reader.parse(text);
        if (!reader.problems.isEmpty()) {
            throw DevstackException.configProblems(file + " has problems; the team's pools were not changed",
                    List.copyOf(reader.problems));
        }
        return pools;
    }

    private TeamPools parse(String text) {
        Optional<Node> document = SideYaml.root(file, text, problems);
        if (document.isEmpty()) {
            return TeamPools.NONE;
        }
        Node root = document.get();
        Map<String, PortPool> users = new LinkedHashMap<>();
        Map<String, PortPool> projects = new LinkedHashMap<>();
        if (!(root instanceof MappingNode mapping)) {
            problems.add(at(root, "the file is a mapping with `users:` and `projects:`"));
            return TeamPools.NONE;
        }
        for (NodeTuple section : mapping.getValue()) {
            String key = section.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            switch (key) {
                case "users" -> pools(section.getValueNode(), "users", TeamPools::userPool, users);
                case "projects" -> pools(section.getValueNode(), "projects", TeamPools::projectPool, projects);
                default -> problems.add(at(section.getKeyNode(), "`" + key + "` is not a section of a pools file;"
                        + " it has `users:` and `projects:`"));
            }
        }
        return new TeamPools(users, projects);
    }

    private interface PoolMaker {
        PortPool make(String name, int first, int last);
    }

    private void pools(Node node, String section, PoolMaker maker, Map<String, PortPool> into) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(node, "`" + section + "` maps names to ranges (`alice: 20000-20999`)"));
            return;
        }
        Map<PortPool, Node> where = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            String name = entry.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            Node value = entry.getValueNode();
            Matcher range = value instanceof ScalarNode scalar ? RANGE.matcher(scalar.getValue().trim()) : null;
            int first = range != null && range.matches() ? Integer.parseInt(range.group(1)) : 0;
            int last = range != null && range.matches() ? Integer.parseInt(range.group(2)) : 0;
            if (first < 1 || last > 65_535 || first > last) {
                problems.add(at(value, section + "." + name + ": not a range of ports FIRST-LAST (such as 20000-20999)"));
                continue;
            }
            PortPool pool = maker.make(name, first, last);
            overlapping(where, pool).ifPresent(other -> problems.add(at(value, pool.rule() + " (" + pool.range()
                    + ") overlaps " + other.rule() + " (" + other.range() + ")")));
            into.put(name, pool);
            where.put(pool, value);
        }
    }

    private static Optional<PortPool> overlapping(Map<PortPool, Node> pools, PortPool pool) {
        return pools.keySet().stream().filter(p -> p.first() <= pool.last() && pool.first() <= p.last()).findFirst();
    }

    private ConfigProblem at(Node node, String message) {
        return new ConfigProblem(file.toString(), node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
                message);
    }
}
