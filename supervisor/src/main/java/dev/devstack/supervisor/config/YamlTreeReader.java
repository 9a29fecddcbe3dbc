package dev.devstack.supervisor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into {@link YamlNode}s with the line and column of every key and value, using
 * Jackson's streaming parser (its tree model forgets locations). Duplicate keys are problems.
 */
final class YamlTreeReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final Problems problems;

    YamlTreeReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or empty when the text is not YAML at all (reported as a problem). */
    Optional<YamlNode> read(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(Location.file(file), "the file is empty; it needs at least a `services:` mapping");
                return Optional.empty();
            }
            return Optional.of(node(parser));
        } catch (JsonProcessingException e) {
            syntaxError(e);
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Location.file(file), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** SnakeYAML knows where the problem is; Jackson's own location is sometimes a token earlier. */
    private void syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            problems.add(new Location(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "malformed YAML: " + marked.getProblem() + context);
            return;
        }
        JsonLocation where = e.getLocation();
        Location location = where == null ? Location.file(file) : new Location(file, where.getLineNr(), where.getColumnNr());
        problems.add(location, "malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").trim());
    }

    private YamlNode node(JsonParser parser) throws IOException {
        Location location = here(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, location);
            case START_ARRAY -> sequence(parser, location);
            case VALUE_STRING -> new YamlNode.Scalar(location, YamlNode.Kind.STRING, parser.getText());
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(location, YamlNode.Kind.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(location, YamlNode.Kind.DECIMAL, parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(location, YamlNode.Kind.BOOLEAN,
                    String.valueOf(token == JsonToken.VALUE_TRUE));
            case VALUE_NULL -> new YamlNode.Scalar(location, YamlNode.Kind.NULL, "");
            default -> new YamlNode.Scalar(location, YamlNode.Kind.STRING, parser.getText());
        };
    }

    private YamlNode.Mapping mapping(JsonParser parser, Location location) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyLocation = here(parser);
            parser.nextToken();
            YamlNode value = node(parser);
            YamlNode.Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.add(keyLocation, "`" + key + "` appears twice (first at line " + earlier.keyLocation().line()
                        + "); keep one");
            } else {
                entries.put(key, new YamlNode.Entry(keyLocation, value));
            }
        }
        return new YamlNode.Mapping(location, entries);
    }

    private YamlNode.Sequence sequence(JsonParser parser, Location location) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser));
        }
        return new YamlNode.Sequence(location, items);
    }

    private Location here(JsonParser parser) {
        JsonLocation where = parser.currentTokenLocation();
        return new Location(file, where.getLineNr(), where.getColumnNr());
    }
}
