package dev.devstack.app.init;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pyproject.toml or requirements.txt that name Flask or FastAPI: the app's development server, with
 * the module that holds the app found in the usual places.
 *
 * <p>The dependency files are scanned line by line for the package's name rather than parsed:
 * requirements.txt has no grammar worth the name, and in pyproject.toml the dependencies sit in
 * PEP 621 lists, Poetry tables or optional groups alike; a name in quotes or at the start of a
 * line is what they share, and a TOML parser would be a dependency for this one question.
 */
final class PythonWebSource implements InitSource {

    private static final List<String> DEPENDENCY_FILES = List.of("pyproject.toml", "requirements.txt");
    private static final List<String> MODULE_FILES = List.of("app.py", "main.py", "wsgi.py", "asgi.py", "server.py",
            "app/main.py");

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        for (String file : DEPENDENCY_FILES) {
            Optional<String> text = files.text(file);
            if (text.isEmpty()) {
                continue;
            }
            if (mentions(text.get(), "fastapi")) {
                return Optional.of(fastapi(files, file));
            }
            if (mentions(text.get(), "flask")) {
                return Optional.of(flask(files, file));
            }
        }
        return Optional.empty();
    }

    static boolean mentions(String text, String name) {
        return Pattern.compile("(?im)(^|[\"'\\s])" + name + "(\\s*$|[\\s\"'<>=!~\\[;,^])").matcher(text).find();
    }

    private static SourceScan fastapi(ProjectFiles files, String file) {
        SourceScan.Builder scan = new SourceScan.Builder().read(file);
        Pattern app = Pattern.compile("(?m)^(\\w+)\\s*(?::[^=]*)?=\\s*(?:fastapi\\.)?FastAPI\\(");
        for (String candidate : MODULE_FILES) {
            Optional<Matcher> found = files.text(candidate).map(app::matcher).filter(Matcher::find);
            if (found.isPresent()) {
                String target = module(candidate) + ":" + found.get().group(1);
                ServiceDraft api = ServiceDraft.of("api", file, "python3 -m uvicorn " + target).withPreset("fastapi");
                return scan.service(api, "fastapi → api (preset fastapi; the app is `" + found.get().group(1) + "` in "
                        + candidate + ")").build();
            }
        }
        ServiceDraft api = ServiceDraft.of("api", file, "python3 -m uvicorn main:app").withPreset("fastapi")
                .withNote("no FastAPI() found in " + String.join(", ", MODULE_FILES) + ": write your module:app");
        return scan.service(api, "fastapi → api (preset fastapi; no FastAPI() found, so main:app is a guess)").build();
    }

    private static SourceScan flask(ProjectFiles files, String file) {
        SourceScan.Builder scan = new SourceScan.Builder().read(file);
        Pattern app = Pattern.compile("(?m)Flask\\(|^def create_app\\(");
        for (String candidate : MODULE_FILES) {
            if (files.text(candidate).map(app::matcher).filter(Matcher::find).isPresent()) {
                return scan.service(flaskService(file, module(candidate)), "flask → api (preset flask; the app is in "
                        + candidate + ")").build();
            }
        }
        Pattern factory = Pattern.compile("(?m)^def create_app\\(");
        for (String folder : files.foldersIn(".")) {
            String init = folder + "/__init__.py";
            if (files.text(init).map(factory::matcher).filter(Matcher::find).isPresent()) {
                return scan.service(flaskService(file, folder.replace('/', '.')), "flask → api (preset flask; the"
                        + " application factory create_app is in " + init + ")").build();
            }
        }
        ServiceDraft api = flaskService(file, "app").withNote("no Flask app or create_app found: write its module"
                + " after --app");
        return scan.service(api, "flask → api (preset flask; no app found, so --app app is a guess)").build();
    }

    private static ServiceDraft flaskService(String file, String module) {
        return ServiceDraft.of("api", file, "python3 -m flask --app " + module + " run").withPreset("flask");
    }

    private static String module(String path) {
        return path.substring(0, path.length() - ".py".length()).replace('/', '.');
    }
}
