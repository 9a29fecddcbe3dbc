package dev.devstack.app.init;

/** A `ready:` or `health:` check as init proposes it: one kind (`http` or `exec`) and its value. */
public record CheckDraft(Kind kind, String value) {

    public enum Kind {
        HTTP, EXEC;

        String key() {
            return this == HTTP ? "http" : "exec";
        }
    }

    public static CheckDraft http(String path) {
        return new CheckDraft(Kind.HTTP, path.isEmpty() ? "/" : path);
    }

    public static CheckDraft exec(String command) {
        return new CheckDraft(Kind.EXEC, command);
    }
}
