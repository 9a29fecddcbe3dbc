package dev.devstack.supervisor.config;

import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says where a YAML syntax error is. SnakeYAML notices a quote or bracket that is never closed
 * only where it gives up, often at the end of the file; it also knows where that quote or bracket
 * was opened (the context mark), which is where the user has to look.
 */
final class YamlSyntaxError {

    /** Constructs that open and must close, by SnakeYAML's context, as a user would call them. */
    private static final Map<String, String> OPENED = Map.of(
            "while scanning a quoted scalar", "a quoted text",
            "while parsing a flow sequence", "a list in [ ]",
            "while parsing a flow mapping", "a mapping in { }",
            "while scanning a simple key", "a key");

    private YamlSyntaxError() {
    }

    static void report(String file, MarkedYAMLException e, Problems problems) {
        Mark problem = e.getProblemMark();
        Mark context = e.getContextMark();
        String construct = e.getContext() == null ? null : OPENED.get(e.getContext());
        if (construct != null && context != null && problem != null && problem.getLine() > context.getLine()) {
            String what = e.getProblem() == null ? "" : e.getProblem();
            boolean neverClosed = what.contains("end of stream") || what.contains("document separator")
                    || what.contains("<stream end>") || what.contains("<document start>");
            problems.add(location(file, context), "malformed YAML: " + construct + " starts here and "
                    + (neverClosed ? "is never closed (noticed at line " + (problem.getLine() + 1) + ")"
                    : "breaks at line " + (problem.getLine() + 1) + ", column " + (problem.getColumn() + 1) + ": " + what));
            return;
        }
        Mark where = problem != null ? problem : context;
        String in = "";
        if (e.getContext() != null) {
            in = context != null && problem != null && context.getLine() != problem.getLine()
                    ? " (" + e.getContext() + " starting at line " + (context.getLine() + 1) + ")"
                    : " (" + e.getContext() + ")";
        }
        problems.add(where == null ? new Location(file, 1, 1) : location(file, where),
                "malformed YAML: " + (e.getProblem() == null ? e.getMessage() : e.getProblem()) + in);
    }

    private static Location location(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
