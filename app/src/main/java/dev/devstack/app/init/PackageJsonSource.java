package dev.devstack.app.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * package.json: its `dev` script (else `start`) becomes a service run by the package manager its
 * lock file names. With workspaces (package.json `workspaces`, or pnpm-workspace.yaml), each
 * workspace package's script is a service of its own, in its folder; the root's script, which
 * usually starts them all, is then left out. Without a package.json at the top, each folder of
 * the project that has one is read instead.
 */
final class PackageJsonSource implements InitSource {

    private static final List<String> SCRIPTS = List.of("dev", "start");
    private static final String PNPM_WORKSPACE = "pnpm-workspace.yaml";

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        Optional<String> text = files.text("package.json");
        if (text.isEmpty()) {
            return inFolders(files);
        }
        SourceScan.Builder scan = new SourceScan.Builder().read("package.json");
        DocumentNode root = DocumentNode.json("package.json", text.get());
        PackageManager manager = PackageManager.of(files, "");
        List<String> folders = workspaceFolders(files, root, scan);
        List<Scripted> workspaces = new ArrayList<>();
        for (String folder : folders) {
            String file = folder + "/package.json";
            scan.read(file);
            try {
                files.text(file).map(json -> DocumentNode.json(file, json)).ifPresent(node -> service(node, file,
                        ServiceNames.of(folder.substring(folder.lastIndexOf('/') + 1), "app"), manager, files, "")
                        .ifPresent(s -> workspaces.add(new Scripted(s.draft().withCwd(folder), s.why()))));
            } catch (ProjectFiles.UnreadableFile e) {
                scan.problem(e.where(), e.getMessage() + "; this workspace is left out");
            }
        }
        if (workspaces.isEmpty()) {
            service(root, "package.json", "web", manager, files, "").ifPresent(s -> scan.service(s.draft(), s.why()));
        } else {
            workspaces.forEach(s -> scan.service(s.draft(), s.why()));
            SCRIPTS.stream().filter(script -> root.get("scripts").get(script).text().isPresent()).findFirst()
                    .ifPresent(script -> scan.leftOut("package.json", "the root's `" + script + "` script is left"
                            + " out: with workspaces it usually starts them all, and each is a service here"));
        }
        if (workspaces.isEmpty() && !folders.isEmpty()) {
            scan.found("package.json", "no workspace package has a dev or start script");
        }
        return Optional.of(scan.build());
    }

    /** A service and why it is proposed. */
    private record Scripted(ServiceDraft draft, String why) {
    }

    /**
     * Without a package.json of its own, a project may keep its front end in a folder (frontend/,
     * web/): each folder of the project with a package.json is a service there, named after it.
     */
    private static Optional<SourceScan> inFolders(ProjectFiles files) {
        SourceScan.Builder scan = new SourceScan.Builder();
        boolean any = false;
        for (String folder : files.projectFolders()) {
            String file = folder + "/package.json";
            Optional<String> text = files.text(file);
            if (text.isEmpty()) {
                continue;
            }
            any = true;
            scan.read(file);
            try {
                service(DocumentNode.json(file, text.get()), file, ServiceNames.of(folder, "app"),
                        PackageManager.of(files, folder), files, folder)
                        .ifPresent(s -> scan.service(s.draft().withCwd(folder), s.why()));
            } catch (ProjectFiles.UnreadableFile e) {
                scan.problem(e.where(), e.getMessage() + "; this folder is left out");
            }
        }
        return any ? Optional.of(scan.build()) : Optional.empty();
    }

    private static Optional<Scripted> service(DocumentNode pkg, String file, String name, PackageManager manager,
                                              ProjectFiles files, String folder) {
        Optional<String> script = SCRIPTS.stream().filter(s -> pkg.get("scripts").get(s).text().isPresent()).findFirst();
        if (script.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> preset = NodeFramework.of(pkg);
        ServiceDraft service = ServiceDraft.of(name, file, preset.isPresent() ? manager.runWithArguments(script.get())
                : manager.run(script.get()));
        String why = "script " + script.get() + " → " + name + " (" + service.command() + ": "
                + manager.because(files, folder) + preset.map(p -> "; preset " + p + ": " + p + " in its dependencies")
                .orElse("; no framework recognised, so it must listen on $PORT itself") + ")";
        return Optional.of(new Scripted(preset.map(service::withPreset).orElse(service), why));
    }

    private static List<String> workspaceFolders(ProjectFiles files, DocumentNode root, SourceScan.Builder scan) {
        List<String> patterns = new ArrayList<>(root.get("workspaces").isMap()
                ? root.get("workspaces").get("packages").texts() : root.get("workspaces").texts());
        Optional<String> pnpm = files.text(PNPM_WORKSPACE);
        if (pnpm.isPresent()) {
            scan.read(PNPM_WORKSPACE);
            patterns.addAll(DocumentNode.yaml(PNPM_WORKSPACE, pnpm.get()).get("packages").texts());
        }
        List<String> folders = new ArrayList<>();
        for (String pattern : patterns) {
            String clean = pattern.replaceAll("/+$", "");
            if (clean.startsWith("!")) {
                continue;
            }
            if (clean.endsWith("/*") || clean.endsWith("/**")) {
                folders.addAll(files.foldersIn(clean.substring(0, clean.lastIndexOf('/'))));
            } else if (files.isFolder(clean)) {
                folders.add(clean);
            }
        }
        return folders.stream().distinct().filter(folder -> files.isFile(folder + "/package.json")).toList();
    }
}
