package dev.devstack.supervisor;

/**
 * One problem of a configuration file, where it is ({@code line} and {@code column} from 1; 0 when
 * not known) and what is wrong. Lives beside {@link DevstackException} so that the exception can
 * carry problems typed, as it carries {@link PortConflict}s.
 */
public record ConfigProblem(String file, int line, int column, String message) {

    /** {@code file:line:column} as far as it is known. */
    public String where() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
