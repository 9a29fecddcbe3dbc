package dev.devstack.app.init;

import java.util.Optional;

/** One kind of file init reads (a Procfile, package.json, a Compose file, …) and the services it suggests. */
interface InitSource {

    /** What a source's services are, which decides whether init keeps them when another source says more. */
    enum Role {
        /** The processes the project runs, as the user listed them (a Procfile, process-compose.yaml). */
        PROCESSES,
        /** Containers the project runs (a Compose file), kept beside everything else. */
        CONTAINERS,
        /**
         * init's guess from a framework (manage.py, package.json, …): left out when a source lists the
         * processes, which would run them twice.
         */
        FRAMEWORK
    }

    /** Empty when the folder has none of this source's files. */
    Optional<SourceScan> scan(ProjectFiles files);

    default Role role() {
        return Role.FRAMEWORK;
    }
}
