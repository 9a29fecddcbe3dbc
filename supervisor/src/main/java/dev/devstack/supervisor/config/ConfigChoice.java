package dev.devstack.supervisor.config;

import java.util.List;
import java.util.Optional;

/**
 * What the command line chose on top of the files: an environment ({@code --env NAME} or
 * {@code DEVSTACK_ENV}) and {@code --set KEY=VALUE} overrides, in the order given.
 * {@code environmentSource} is how the environment was chosen, as error messages name it.
 */
public record ConfigChoice(Optional<String> environment, String environmentSource, List<String> sets) {

    public static final ConfigChoice NONE = new ConfigChoice(Optional.empty(), "", List.of());

    public ConfigChoice {
        sets = List.copyOf(sets);
    }

    /** Where the chosen environment's name was written, for messages: {@code --env test}. */
    Location environmentLocation() {
        return Location.file(environmentSource + (environmentSource.startsWith("--") ? " " : "=")
                + environment.orElse(""));
    }
}
