package dev.devstack.app.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A value of a parsed JSON or YAML file (package.json, a Compose file) with its path in the file
 * ({@code docker-compose.yml: services.web.ports}), so that what does not have the expected shape
 * can be named. Reading never fails on a wrong shape: a missing or mistyped value reads as empty.
 */
record DocumentNode(Object value, String path) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DocumentNode json(String file, String text) {
        try {
            return new DocumentNode(JSON.readValue(text, Object.class), file + ":");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? file
                    : file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new ProjectFiles.UnreadableFile(where, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    static DocumentNode yaml(String file, String text) {
        try {
            Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return new DocumentNode(value, file + ":");
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new ProjectFiles.UnreadableFile(where, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ProjectFiles.UnreadableFile(file, "not valid YAML: " + e.getMessage());
        }
    }

    DocumentNode get(String key) {
        Object child = value instanceof Map<?, ?> map ? map.get(key) : null;
        return new DocumentNode(child, path.endsWith(":") ? path + " " + key : path + "." + key);
    }

    boolean isPresent() {
        return value != null;
    }

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    boolean isList() {
        return value instanceof List<?>;
    }

    /** A scalar as text (numbers and booleans too, as they were written). */
    Optional<String> text() {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? Optional.of(String.valueOf(value)) : Optional.empty();
    }

    /** A mapping's entries in the file's order, keys as text. */
    Map<String, DocumentNode> entries() {
        Map<String, DocumentNode> entries = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> entries.put(String.valueOf(key), get(String.valueOf(key))));
        }
        return entries;
    }

    List<DocumentNode> items() {
        List<DocumentNode> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                items.add(new DocumentNode(list.get(i), path + "[" + i + "]"));
            }
        }
        return items;
    }

    /** A list of scalars, or one scalar as a list of one. */
    List<String> texts() {
        if (isList()) {
            return items().stream().flatMap(item -> item.text().stream()).toList();
        }
        return text().map(List::of).orElse(List.of());
    }

    /**
     * Compose's and process-compose's `environment`: a mapping, or a list of `NAME=value`. A name
     * without a value passes the variable on from where the tool runs; a service of devstack
     * inherits devstack's environment anyway, so it is left out rather than set empty.
     */
    Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (isMap()) {
            entries().forEach((name, node) -> node.text().ifPresent(value -> variables.put(name, value)));
        } else {
            for (String item : texts()) {
                int equals = item.indexOf('=');
                if (equals > 0) {
                    variables.put(item.substring(0, equals), item.substring(equals + 1));
                }
            }
        }
        return variables;
    }
}
