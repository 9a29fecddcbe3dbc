package dev.devstack.supervisor.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a `ready:` or `health:` mapping: exactly one of `tcp: true`, `http: PATH`, `log: REGEX`,
 * `exec: COMMAND`, with `status` (http), `interval`, `timeout` and `retries`.
 */
final class CheckReader {

    static final List<String> KINDS = List.of("tcp", "http", "log", "exec");
    static final List<String> KEYS = List.of("tcp", "http", "log", "exec", "status", "interval", "timeout", "retries");
    private static final Pattern STATUS = Pattern.compile("\\s*([1-5]\\d\\d)\\s*(?:-\\s*([1-5]\\d\\d)\\s*)?");

    private final Problems problems;
    private final Values values;

    CheckReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    /** @param health true for `health:` (other defaults, no `log`) */
    Optional<CheckSpec> read(String key, YamlNode node, boolean health) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            values.wrongType(key, node, "a mapping such as `{ http: /healthz }`");
            return Optional.empty();
        }
        Map<String, YamlNode.Entry> entries = mapping.entries();
        entries.forEach((name, entry) -> {
            if (!KEYS.contains(name)) {
                values.unknownKey(name, entry.keyLocation(), "in `" + key + "`", KEYS);
            }
        });
        List<String> kinds = new ArrayList<>(entries.keySet().stream().filter(KINDS::contains).toList());
        if (kinds.size() != 1) {
            problems.add(node.location(), "`" + key + "` needs exactly one of `tcp: true`, `http: PATH`,"
                    + (health ? "" : " `log: REGEX`,") + " `exec: COMMAND`"
                    + (kinds.isEmpty() ? "" : "; it has " + String.join(", ", kinds)));
            return Optional.empty();
        }
        String kindName = kinds.get(0);
        CheckSpec.Kind kind = CheckSpec.Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
        YamlNode.Entry kindEntry = entries.get(kindName);
        if (health && kind == CheckSpec.Kind.LOG) {
            problems.add(kindEntry.keyLocation(), "`health` cannot use `log`; use `tcp`, `http` or `exec`");
            return Optional.empty();
        }
        Optional<String> target = target(key, kind, kindEntry.value());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        CheckSpec.StatusRange status = Optional.ofNullable(entries.get("status"))
                .flatMap(e -> status(key, kind, e)).orElse(CheckSpec.StatusRange.SUCCESS_OR_REDIRECT);
        Optional<Duration> interval = Optional.ofNullable(entries.get("interval"))
                .flatMap(e -> values.duration(key + ".interval", e.value()));
        Duration timeout = Optional.ofNullable(entries.get("timeout"))
                .flatMap(e -> values.duration(key + ".timeout", e.value()))
                .orElse(health ? CheckSpec.HEALTH_TIMEOUT : CheckSpec.READY_TIMEOUT);
        OptionalInt retries = Optional.ofNullable(entries.get("retries"))
                .flatMap(e -> values.count(key + ".retries", e.value(), 1)).map(OptionalInt::of)
                .orElse(health ? OptionalInt.of(CheckSpec.HEALTH_RETRIES) : OptionalInt.empty());
        if (health && interval.isEmpty()) {
            interval = Optional.of(CheckSpec.HEALTH_INTERVAL);
        }
        return Optional.of(new CheckSpec(kind, target.get(), status, interval, timeout, retries, node.location()));
    }

    private Optional<String> target(String key, CheckSpec.Kind kind, YamlNode node) {
        switch (kind) {
            case TCP -> {
                if (values.bool(key + ".tcp", node).filter(b -> b).isEmpty()) {
                    if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.BOOLEAN) {
                        problems.add(node.location(), "`" + key + ".tcp` can only be `true`; leave `" + key
                                + "` out for the default");
                    }
                    return Optional.empty();
                }
                return Optional.of("");
            }
            case HTTP -> {
                Optional<String> path = values.nonBlankText(key + ".http", node);
                if (path.isPresent() && !path.get().startsWith("/")) {
                    problems.add(node.location(), "`" + key + ".http` must be a path starting with /, got `"
                            + path.get() + "`");
                    return Optional.empty();
                }
                return path;
            }
            case LOG -> {
                Optional<String> regex = values.nonBlankText(key + ".log", node);
                try {
                    regex.ifPresent(Pattern::compile);
                } catch (PatternSyntaxException e) {
                    problems.add(node.location(), "`" + key + ".log` is not a valid regular expression: "
                            + e.getDescription() + " near index " + e.getIndex());
                    return Optional.empty();
                }
                return regex;
            }
            default -> {
                return values.nonBlankText(key + ".exec", node);
            }
        }
    }

    private Optional<CheckSpec.StatusRange> status(String key, CheckSpec.Kind kind, YamlNode.Entry entry) {
        if (kind != CheckSpec.Kind.HTTP) {
            problems.add(entry.keyLocation(), "`" + key + ".status` only goes with `http`");
            return Optional.empty();
        }
        Optional<String> text = values.text(key + ".status", entry.value());
        Matcher matcher = STATUS.matcher(text.orElse(""));
        if (text.isEmpty() || !matcher.matches()) {
            text.ifPresent(t -> problems.add(entry.value().location(), "`" + key + ".status` must be a status such as"
                    + " `200` or a range such as `200-299`, got `" + t + "`"));
            return Optional.empty();
        }
        int first = Integer.parseInt(matcher.group(1));
        int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
        if (last < first) {
            problems.add(entry.value().location(), "`" + key + ".status` goes from a lower to a higher status");
            return Optional.empty();
        }
        return Optional.of(new CheckSpec.StatusRange(first, last));
    }
}
