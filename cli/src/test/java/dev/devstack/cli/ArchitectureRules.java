package dev.devstack.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * devstack's layering as rules over a root package, so that the same rules run on the real code
 * ({@code dev.devstack}) and on a small tree of known violations in the tests (to prove they bite).
 */
final class ArchitectureRules {

    /**
     * Bottom to top; a layer may use any layer below it (not all do: model needs only Condition of
     * config, control nothing of plan or run). {@code supervisor} is the root package: DevstackException.
     */
    private static final List<String> LAYERS = List.of("supervisor", "supervisor.config", "supervisor.model",
            "supervisor.json", "supervisor.plan", "supervisor.run", "supervisor.control", "app.init", "app.http", "app",
            "app.agent", "tui", "agent", "cli");
    /** Below every layer, and beside each other: they know nothing of devstack but themselves. */
    private static final List<String> FOUNDATIONS = List.of("store", "detect");

    private ArchitectureRules() {
    }

    /** Each module and package uses only those below it; tui uses only what app.view and the model give it. */
    static ArchRule direction(String root) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : FOUNDATIONS) {
            layers = layers.layer(name).definedBy(root + "." + name + "..");
        }
        for (String name : LAYERS) {
            layers = layers.layer(name).definedBy(name.equals("supervisor") || name.equals("app")
                    ? root + "." + name : root + "." + name + "..");
        }
        layers = layers.layer("app.view").definedBy(root + ".app.view..");
        for (String name : FOUNDATIONS) {
            layers = layers.whereLayer(name).mayNotAccessAnyLayer();
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String name = LAYERS.get(i);
            if (name.equals("tui")) {
                layers = layers.whereLayer(name).mayOnlyAccessLayers("supervisor.model", "app.view");
                continue;
            }
            List<String> below = new ArrayList<>(FOUNDATIONS);
            below.addAll(LAYERS.subList(0, i));
            if (LAYERS.indexOf("app.http") <= i) {
                below.add("app.view");
            }
            layers = layers.whereLayer(name).mayOnlyAccessLayers(below.toArray(String[]::new));
        }
        return layers.whereLayer("app.view").mayOnlyAccessLayers("supervisor.model")
                .because("modules and packages point one way (docs/architecture.md, Modules)");
    }

    /** The dashboard sees the stack and the machine only through interfaces, so a remote stack could be shown the same way. */
    static ArchRule dashboardThroughInterfaces(String root) {
        return classes().that().resideInAPackage(root + ".tui..").should().onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".tui..", root + ".supervisor.model..", root + ".app.view..", "java..",
                        "com.googlecode.lanterna..")
                .because("tui sees the stack through StackView/StackControl and the machine through app.view");
    }

    /** Only the command line chooses how the process ends. */
    static ArchRule exitOnlyInCli(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".cli..")
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .because("only cli maps an outcome to an exit code");
    }

    /** No two packages use each other, however indirectly. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static List<ArchRule> all(String root) {
        return List.of(direction(root), dashboardThroughInterfaces(root), exitOnlyInCli(root), noCycles(root));
    }
}
