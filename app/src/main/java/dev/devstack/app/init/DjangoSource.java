package dev.devstack.app.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * manage.py: a Django project; its development server, after a one-shot `migrate` so the database
 * is there. Without a manage.py at the top, each folder of the project that has one (backend/) is
 * read instead, its services named after it and run there.
 */
final class DjangoSource implements InitSource {

    private static final String MANAGE = "manage.py";

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        List<String> folders = new ArrayList<>();
        if (files.isFile(MANAGE)) {
            folders.add("");
        } else {
            files.projectFolders().stream().filter(folder -> files.isFile(folder + "/" + MANAGE)).forEach(folders::add);
        }
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        SourceScan.Builder scan = new SourceScan.Builder();
        for (String folder : folders) {
            String file = folder.isEmpty() ? MANAGE : folder + "/" + MANAGE;
            String webName = folder.isEmpty() ? "web" : ServiceNames.of(folder, "web");
            String migrateName = folder.isEmpty() ? "migrate" : webName + "-migrate";
            ServiceDraft migrate = ServiceDraft.of(migrateName, file, "python3 manage.py migrate").asOneshot()
                    .withNote("runs to completion before " + webName + " starts").withCwd(folder);
            ServiceDraft web = ServiceDraft.of(webName, file, "python3 manage.py runserver").withPreset("django")
                    .withDependsOn(List.of(DependencyDraft.of(migrateName))).withCwd(folder);
            scan.read(file);
            scan.service(migrate, "django's migrations → " + migrateName + " (a one-shot task)");
            scan.service(web, "django (preset django) → " + webName + ", after " + migrateName);
        }
        return Optional.of(scan.build());
    }
}
