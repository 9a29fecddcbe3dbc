package dev.devstack.app.init;

import java.util.List;
import java.util.Optional;

/** The preset for a package.json: the first framework of its dependencies that devstack has a preset for. */
final class NodeFramework {

    /** Next.js before Vite and Express: a Next app may depend on either for tooling. */
    private static final List<String> PRESETS = List.of("next", "vite", "express");

    private NodeFramework() {
    }

    static Optional<String> of(DocumentNode pkg) {
        return PRESETS.stream().filter(name -> pkg.get("dependencies").get(name).isPresent()
                || pkg.get("devDependencies").get(name).isPresent()).findFirst();
    }
}
