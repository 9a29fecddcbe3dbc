package dev.devstack.app.init;

/** Which tool runs a package.json script, told by the lock file beside it; npm when there is none. */
enum PackageManager {
    PNPM("pnpm-lock.yaml", "pnpm run "),
    YARN("yarn.lock", "yarn "),
    NPM("package-lock.json", "npm run ");

    private final String lockFile;
    private final String run;

    PackageManager(String lockFile, String run) {
        this.lockFile = lockFile;
        this.run = run;
    }

    /** @param folder where the package.json is, relative to the project ("" for the project itself) */
    static PackageManager of(ProjectFiles files, String folder) {
        for (PackageManager manager : values()) {
            if (files.isFile(prefix(folder) + manager.lockFile)) {
                return manager;
            }
        }
        return NPM;
    }

    String run(String script) {
        return run + script;
    }

    /**
     * The command for a script that a preset appends arguments to: npm keeps arguments before `--`
     * for itself, while pnpm and yarn pass them on (and would pass a `--` on as well).
     */
    String runWithArguments(String script) {
        return this == NPM ? run(script) + " --" : run(script);
    }

    /** Why this one: its lock file, or none at all. */
    String because(ProjectFiles files, String folder) {
        return files.isFile(prefix(folder) + lockFile) ? prefix(folder) + lockFile : "no lock file";
    }

    private static String prefix(String folder) {
        return folder.isEmpty() ? "" : folder + "/";
    }
}
