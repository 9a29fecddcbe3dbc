package dev.devstack.supervisor.config;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * Which paths under a service's folder a {@link WatchSpec} is about, each given relative to that
 * folder. A glob without {@code /} matches a name at any depth ({@code *.py}, {@code node_modules}),
 * as in .gitignore; one with {@code /} matches the whole relative path, where {@code **} crosses
 * folders, none included ({@code **}{@code /*.py} matches {@code app.py}). An ignore that matches a
 * folder (or ends in {@code /**} and matches it without that) leaves the whole folder out, so it is
 * never walked nor watched.
 */
public final class WatchFilter {

    /** Version control, dependencies, build output, devstack's own folder, and what editors write beside a file. */
    public static final List<String> DEFAULT_IGNORES = List.of(".git", ".hg", ".svn", "node_modules", "target",
            "build", "dist", ".next", "__pycache__", ".venv", "venv", ".devstack", "*.sw?", "*~", ".#*", "4913", "*.tmp");

    private static final FileSystem FILES = FileSystems.getDefault();

    private final List<Glob> watched;
    private final List<Glob> ignored;

    private WatchFilter(List<Glob> watched, List<Glob> ignored) {
        this.watched = watched;
        this.ignored = ignored;
    }

    /** The filter of a valid spec (its globs were checked when it was read). */
    public static WatchFilter of(WatchSpec spec) {
        List<String> ignores = new ArrayList<>(DEFAULT_IGNORES);
        ignores.addAll(spec.ignores());
        return new WatchFilter(spec.globs().stream().map(g -> Glob.compile(g).orElseThrow()).toList(),
                ignores.stream().map(g -> Glob.compile(g).orElseThrow()).toList());
    }

    /** Why {@code glob} cannot be used, if it cannot. */
    static Optional<String> problem(String glob) {
        String text = stripped(glob);
        if (text.isEmpty()) {
            return Optional.of("is empty");
        }
        if (text.equals(".")) {
            return Optional.of("names the service's folder itself, which no file matches; write `**/*` to watch"
                    + " everything in it");
        }
        if (text.startsWith("/") || text.startsWith("~")) {
            return Optional.of("is absolute; write it relative to the service's folder (its `cwd`), e.g. `src/**/*.py`");
        }
        if (List.of(text.split("/")).contains("..")) {
            return Optional.of("reaches outside the service's folder with `..`; set the service's `cwd` to a folder"
                    + " that holds what it watches");
        }
        try {
            FILES.getPathMatcher("glob:" + text);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            String what = e.getDescription().startsWith("Missing '")
                    ? "a `" + (e.getDescription().endsWith("]") ? "[" : "{") + "` is not closed"
                    : e.getDescription().toLowerCase(Locale.ROOT);
            return Optional.of("is not a valid glob: " + what);
        }
    }

    /** Whether a change of this file (relative to the service's folder) restarts the service. */
    public boolean watches(Path file) {
        return ignored.stream().noneMatch(g -> g.matches(file) || g.matchesFolder(file))
                && !insideIgnoredFolder(file) && watched.stream().anyMatch(g -> g.matches(file));
    }

    /** Whether this folder (relative to the service's folder) is left out, with everything in it. */
    public boolean skips(Path folder) {
        return ignored.stream().anyMatch(g -> g.matches(folder) || g.matchesFolder(folder));
    }

    private boolean insideIgnoredFolder(Path file) {
        for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
            if (skips(folder)) {
                return true;
            }
        }
        return false;
    }

    private static String stripped(String glob) {
        String text = glob.strip();
        while (text.endsWith("/") && text.length() > 1) {
            text = text.substring(0, text.length() - 1);
        }
        return text.startsWith("./") ? text.substring(2) : text;
    }

    /**
     * One compiled glob. The JDK's {@code **}{@code /} needs at least one folder; here, as in
     * .gitignore, it may be none, so {@code src/**}{@code /*.py} is compiled in every form with and
     * without each {@code **}{@code /} and matches {@code src/app.py} too.
     */
    private record Glob(boolean byName, List<PathMatcher> forms, Optional<PathMatcher> folder) {

        static Optional<Glob> compile(String glob) {
            if (problem(glob).isPresent()) {
                return Optional.empty();
            }
            String text = stripped(glob);
            Optional<PathMatcher> folder = text.endsWith("/**") && text.length() > 3
                    ? Optional.of(FILES.getPathMatcher("glob:" + text.substring(0, text.length() - 3)))
                    : Optional.empty();
            return Optional.of(new Glob(!text.contains("/"),
                    forms(text).stream().map(form -> FILES.getPathMatcher("glob:" + form)).toList(), folder));
        }

        private static List<String> forms(String text) {
            if (text.startsWith("**/")) {
                List<String> forms = new ArrayList<>(forms(text.substring(3)));
                forms(text.substring(3)).forEach(rest -> forms.add("**/" + rest));
                return forms;
            }
            int at = text.indexOf("/**/");
            if (at < 0) {
                return List.of(text);
            }
            List<String> forms = new ArrayList<>();
            for (String rest : forms(text.substring(at + 4))) {
                forms.add(text.substring(0, at) + "/" + rest);
                forms.add(text.substring(0, at) + "/**/" + rest);
            }
            return forms;
        }

        boolean matches(Path path) {
            if (byName) {
                Path name = path.getFileName();
                return name != null && forms.get(0).matches(name);
            }
            return forms.stream().anyMatch(m -> m.matches(path));
        }

        boolean matchesFolder(Path path) {
            return folder.filter(m -> m.matches(path)).isPresent();
        }
    }
}
