package dev.devstack.supervisor.control;

import dev.devstack.supervisor.model.ServiceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which units of a stack some names or globs mean: a unit by its name ({@code web.1}), a service
 * with replicas by its own name ({@code web}: every replica), and globs with {@code *} and
 * {@code ?} over both. A name or glob that matches nothing is an error that lists what there is.
 */
final class ServiceSelection {

    private ServiceSelection() {
    }

    /** The units meant, in the stack's order; an IllegalArgumentException names what matched nothing. */
    static List<String> select(List<ServiceSnapshot> services, List<String> patterns) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String pattern : patterns) {
            Pattern regex = glob(pattern);
            List<String> matched = services.stream().map(ServiceSnapshot::name)
                    .filter(unit -> regex.matcher(unit).matches() || regex.matcher(serviceOf(unit)).matches()).toList();
            if (matched.isEmpty()) {
                unmatched.add(pattern);
            }
            chosen.addAll(matched);
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("no service of this stack is called " + String.join(" or ", unmatched.stream()
                    .map(name -> "\"" + name + "\"").toList()) + "; it has: " + String.join(", ",
                    services.stream().map(ServiceSnapshot::name).toList()));
        }
        return services.stream().map(ServiceSnapshot::name).filter(chosen::contains).toList();
    }

    /** {@code web} for the replica {@code web.2}; a unit without replicas is its own service. */
    private static String serviceOf(String unit) {
        int dot = unit.lastIndexOf('.');
        return dot > 0 && unit.substring(dot + 1).chars().allMatch(Character::isDigit) ? unit.substring(0, dot) : unit;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
