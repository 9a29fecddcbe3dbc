package dev.devstack.supervisor.config;

import java.util.List;

/**
 * One value of the merged configuration and where it came from. {@code path} leads to it from the
 * top ({@link Step#key} names, {@link Step#index} counts list items from 0); {@code origin} is a
 * place ({@code ports.yaml:12:9}, {@code base.yaml:3:5}), a place in the chosen environment, a
 * {@code --set} flag, a preset or {@code default}.
 */
public record ConfigSetting(List<Step> path, Kind kind, String text, String origin) {

    /** How the value was written: text, a number, true/false, nothing, or an empty list or mapping. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, NULL, EMPTY_LIST, EMPTY_MAPPING }

    /** A key of a mapping, or the position of an item in a list ({@code key} is then null). */
    public record Step(String key, int index) {

        static Step key(String key) {
            return new Step(key, -1);
        }

        static Step index(int index) {
            return new Step(null, index);
        }

        public boolean isIndex() {
            return key == null;
        }
    }

    public ConfigSetting {
        path = List.copyOf(path);
    }
}
