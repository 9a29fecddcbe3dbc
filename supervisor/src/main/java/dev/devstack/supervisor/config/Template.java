package dev.devstack.supervisor.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command or environment value with devstack references in it: {@code ${svc.port}},
 * {@code ${svc.url}}, {@code ${svc.host}}, {@code ${svc.ports.NAME}} and {@code ${env.NAME}}.
 * Anything else, {@code $PORT} and {@code ${HOME}} included, is left for the shell;
 * {@code $${} writes a literal {@code ${}.
 */
public record Template(String source, Location location, List<Part> parts) {

    public sealed interface Part {
    }

    public record Literal(String text) implements Part {
    }

    /** {@code ${service.attribute}} or {@code ${service.ports.portName}}. */
    public record ServiceRef(String service, String attribute, String portName, String written) implements Part {
    }

    public record EnvRef(String name, String written) implements Part {
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+)}");

    public Template {
        parts = List.copyOf(parts);
    }

    public static Template literal(String text) {
        return new Template(text, Location.file("(generated)"), List.of(new Literal(text)));
    }

    public static Template parse(String source, Location location) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        Matcher matcher = REFERENCE.matcher(source);
        int at = 0;
        while (matcher.find()) {
            literal.append(source, at, matcher.start());
            at = matcher.end();
            if (matcher.group(1) == null) {
                literal.append("${");
                continue;
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(reference(matcher.group(1), matcher.group()));
        }
        literal.append(source.substring(at));
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(source, location, parts);
    }

    private static Part reference(String path, String written) {
        String[] segments = path.split("\\.");
        if (segments[0].equals("env") && segments.length == 2) {
            return new EnvRef(segments[1], written);
        }
        if (segments.length == 3 && segments[1].equals("ports")) {
            return new ServiceRef(segments[0], "ports", segments[2], written);
        }
        return new ServiceRef(segments[0], String.join(".", List.of(segments).subList(1, segments.length)), "",
                written);
    }

    public String render(Function<Part, String> resolve) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Literal literal ? literal.text() : resolve.apply(part));
        }
        return out.toString();
    }
}
