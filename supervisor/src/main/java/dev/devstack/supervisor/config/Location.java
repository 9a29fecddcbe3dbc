package dev.devstack.supervisor.config;

/** A place in a configuration file, printed as {@code file:line:column} (line and column from 1). */
public record Location(String file, int line, int column) {

    public static Location file(String file) {
        return new Location(file, 0, 0);
    }

    public static Location line(String file, int line) {
        return new Location(file, line, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
