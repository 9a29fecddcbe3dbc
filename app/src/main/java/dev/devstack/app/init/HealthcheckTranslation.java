package dev.devstack.app.init;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container healthcheck as a devstack check: curl or wget of a local URL becomes `http: PATH`
 * (devstack asks the service's own port), any other command `exec:` as written. Compose runs it
 * inside the container; here it runs on this machine, which the comment on the service says.
 */
final class HealthcheckTranslation {

    private static final Pattern LOCAL_URL = Pattern.compile(
            "^(?:curl|wget)\\b.*?\\bhttps?://(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0)(?::\\d+)?(/[^\\s'\"|;&]*)?");

    private HealthcheckTranslation() {
    }

    /** Compose's `test`: a string (run by a shell), or a list starting with CMD, CMD-SHELL or NONE. */
    static Optional<CheckDraft> of(DocumentNode test) {
        Optional<String> command;
        if (test.isList()) {
            List<String> words = test.texts();
            if (words.isEmpty() || words.get(0).equals("NONE")) {
                return Optional.empty();
            }
            command = switch (words.get(0)) {
                case "CMD-SHELL" -> Optional.of(String.join(" ", words.subList(1, words.size())));
                case "CMD" -> Optional.of(ShellWords.join(words.subList(1, words.size())));
                default -> Optional.of(ShellWords.join(words));
            };
        } else {
            command = test.text();
        }
        return command.filter(c -> !c.isBlank()).map(HealthcheckTranslation::check);
    }

    static CheckDraft check(String command) {
        Matcher url = LOCAL_URL.matcher(command.strip());
        if (url.find()) {
            return CheckDraft.http(url.group(1) == null ? "/" : url.group(1));
        }
        return CheckDraft.exec(command.strip());
    }
}
