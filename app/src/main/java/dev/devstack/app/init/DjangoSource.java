package dev.devstack.app.init;

import java.util.List;
import java.util.Optional;

/** manage.py: a Django project; its development server, after a one-shot `migrate` so the database is there. */
final class DjangoSource implements InitSource {

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        if (!files.isFile("manage.py")) {
            return Optional.empty();
        }
        SourceScan.Builder scan = new SourceScan.Builder().read("manage.py");
        ServiceDraft migrate = ServiceDraft.of("migrate", "manage.py", "python3 manage.py migrate").asOneshot()
                .withNote("runs to completion before web starts");
        ServiceDraft web = ServiceDraft.of("web", "manage.py", "python3 manage.py runserver").withPreset("django")
                .withDependsOn(List.of(DependencyDraft.of("migrate")));
        scan.service(migrate, "django's migrations → migrate (a one-shot task)");
        scan.service(web, "django (preset django) → web, after migrate");
        return Optional.of(scan.build());
    }
}
