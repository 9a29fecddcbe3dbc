package dev.devstack.supervisor.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document into {@link YamlNode}s that remember the line and column of every key
 * and value, from SnakeYAML's stream of parser events. Nothing here recurses, so no nesting
 * overflows the stack; nesting is still limited to {@link #MAX_DEPTH} levels. Anchors and aliases
 * are expanded (an alias is the very node its anchor names), merge keys ({@code <<}) merged, and
 * what aliases may add is limited to {@link #MAX_ALIASED} values, which stops alias bombs.
 */
final class YamlTreeReader {

    static final int MAX_DEPTH = 100;
    static final long MAX_ALIASED = 100_000;

    private static final Resolver RESOLVER = new Resolver();
    private static final String BOOL = Tag.BOOL.getValue();

    private record Anchored(YamlNode node, long size) {
    }

    /** Marks an anchor whose collection is still being read: an alias to it would contain itself. */
    private static final Anchored IN_PROGRESS = new Anchored(null, 0);

    private final String file;
    private final Problems problems;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Deque<YamlCollection> open = new ArrayDeque<>();
    private long aliased;
    private YamlNode root;
    private Mark lastMark;

    YamlTreeReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or empty when there is none to read (reported as a problem). */
    Optional<YamlNode> read(String text) {
        if (text.isEmpty()) {
            problems.add(new Location(file, 1, 1), "the file is empty; it needs at least a `services:` mapping");
            return Optional.empty();
        }
        int forbidden = forbiddenCharacter(text);
        if (forbidden >= 0) {
            int c = text.codePointAt(forbidden);
            problems.add(TextFile.locate(file, text.substring(0, forbidden)), String.format("the character U+%04X"
                    + " is not allowed in YAML; remove it, or write it as \"\\u%04X\" in a double-quoted text", c, c));
            return Optional.empty();
        }
        try {
            return read(new ParserImpl(new WholeTextReader(file, text), new LoaderOptions()));
        } catch (MarkedYAMLException e) {
            YamlSyntaxError.report(file, e, problems);
        } catch (YAMLException e) {
            // SnakeYAML's errors without a place, such as its limit of 3M characters, which a file under
            // TextFile.MAX_BYTES cannot reach: the place of the last event read is the best there is
            problems.add(here(lastMark), "malformed YAML after this point: " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<YamlNode> read(Parser parser) {
        boolean document = false;
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = parser.getEvent();
            lastMark = event.getStartMark();
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (document) {
                        problems.add(here(event.getStartMark()), "a second YAML document starts here; " + file
                                + " holds one: remove this `---` and what follows it, or merge the two");
                        return Optional.ofNullable(root);
                    }
                    document = true;
                }
                case Scalar -> add((ScalarEvent) event);
                case Alias -> {
                    if (!alias((AliasEvent) event)) {
                        return Optional.empty();
                    }
                }
                case SequenceStart, MappingStart -> {
                    if (!start((CollectionStartEvent) event)) {
                        return Optional.empty();
                    }
                }
                case SequenceEnd, MappingEnd -> end();
                default -> {
                    // stream start, document end and comments carry nothing to keep
                }
            }
        }
        if (!document) {
            problems.add(new Location(file, 1, 1), "the file has nothing but blank lines and comments; it needs at"
                    + " least a `services:` mapping");
        }
        return Optional.ofNullable(root);
    }

    private void add(ScalarEvent event) {
        String tag = event.getTag() == null || event.getTag().equals("!")
                ? RESOLVER.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                .getValue()
                : event.getTag();
        YamlNode.Scalar scalar = new YamlNode.Scalar(here(event.getStartMark()), kind(tag, event.getValue()),
                event.getValue());
        if (event.getValue().indexOf('\0') >= 0) {
            problems.add(scalar.location(), "this text holds the NUL character (\\0), which no command, path or"
                    + " variable can hold; remove it");
        }
        anchor(event.getAnchor(), scalar, 1);
        add(scalar, 1, tag.equals(Tag.MERGE.getValue()));
    }

    /** A value written on its own, outside any file ({@code --set}), read as YAML would read it plain. */
    static YamlNode.Scalar plain(String text, Location location) {
        String tag = RESOLVER.resolve(NodeId.scalar, text, true).getValue();
        return new YamlNode.Scalar(location, text.isEmpty() ? YamlNode.Kind.STRING : kind(tag, text), text);
    }

    private static YamlNode.Kind kind(String tag, String value) {
        if (tag.equals(Tag.INT.getValue())) {
            return YamlNode.Kind.INTEGER;
        }
        if (tag.equals(Tag.FLOAT.getValue())) {
            return YamlNode.Kind.DECIMAL;
        }
        if (tag.equals(Tag.NULL.getValue())) {
            return YamlNode.Kind.NULL;
        }
        return tag.equals(BOOL) && YamlNode.Scalar.truth(value).isPresent() ? YamlNode.Kind.BOOLEAN : YamlNode.Kind.STRING;
    }

    private boolean alias(AliasEvent event) {
        Anchored anchored = anchors.get(event.getAnchor());
        Location location = here(event.getStartMark());
        if (anchored == null) {
            problems.add(location, "`*" + event.getAnchor() + "` names no anchor; write `&" + event.getAnchor()
                    + "` on the value it stands for, before this alias");
            return false;
        }
        if (anchored == IN_PROGRESS) {
            problems.add(location, "`*" + event.getAnchor() + "` stands inside the value anchored as `&"
                    + event.getAnchor() + "`, so it would contain itself; refer to it from outside");
            return false;
        }
        aliased = saturatedAdd(aliased, anchored.size());
        if (aliased > MAX_ALIASED) {
            problems.add(location, "with `*" + event.getAnchor() + "`, aliases repeat more than " + MAX_ALIASED
                    + " values (an alias bomb?); devstack expands at most " + MAX_ALIASED + ": use fewer or smaller"
                    + " aliases");
            return false;
        }
        add(anchored.node(), anchored.size(), false);
        return true;
    }

    private boolean start(CollectionStartEvent event) {
        Location location = here(event.getStartMark());
        if (open.size() >= MAX_DEPTH) {
            problems.add(location, "nesting goes deeper than " + MAX_DEPTH + " levels here; a configuration needs a"
                    + " few: is a bracket not closed, or is something pasted in the wrong place?");
            return false;
        }
        open.push(event.is(Event.ID.MappingStart)
                ? new YamlCollection.Mapping(location, event.getAnchor(), problems)
                : new YamlCollection.Sequence(location, event.getAnchor()));
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), IN_PROGRESS);
        }
        return true;
    }

    private void end() {
        YamlCollection collection = open.pop();
        YamlNode node = collection.build();
        anchor(collection.anchor(), node, collection.size());
        add(node, collection.size(), false);
    }

    private void anchor(String name, YamlNode node, long size) {
        if (name != null) {
            anchors.put(name, new Anchored(node, size));
        }
    }

    private void add(YamlNode node, long size, boolean mergeKey) {
        if (open.isEmpty()) {
            root = node;
        } else {
            open.peek().add(node, size, mergeKey);
        }
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The index of the first character YAML does not allow (control characters, mostly), or -1. */
    private static int forbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (!StreamReader.isPrintable(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private Location here(Mark mark) {
        return mark == null ? new Location(file, 1, 1) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
