package dev.devstack.app.init;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The named entries of a Compose-like file (Compose's services, process-compose's processes): each
 * one's name as a devstack service, and those that another waits on to complete (a condition in
 * {@code completedConditions}), which become one-shot tasks.
 */
record NamedEntries(Map<String, String> names, Set<String> completed) {

    static NamedEntries of(DocumentNode entries, String kind, Set<String> completedConditions) {
        Map<String, String> names = new LinkedHashMap<>();
        entries.entries().forEach((key, node) -> names.put(key, ServiceNames.of(key, kind)));
        Set<String> completed = new LinkedHashSet<>();
        entries.entries().values().forEach(node -> node.get("depends_on").entries().forEach((other, entry) -> {
            if (entry.get("condition").text().filter(completedConditions::contains).isPresent()) {
                completed.add(other);
            }
        }));
        return new NamedEntries(names, completed);
    }
}
