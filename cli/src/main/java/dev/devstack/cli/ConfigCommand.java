package dev.devstack.cli;

import dev.devstack.app.ProjectContext;
import dev.devstack.app.json.MergedConfigJson;
import dev.devstack.supervisor.config.MergedConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "config", header = "Show the merged configuration and where each value comes from.",
        description = "Merges ports.yaml with the files it extends, ports.local.yaml, the environment chosen"
                + " (--env) and --set, resolves services that extend others and presets, and prints the result:"
                + " every value with its origin (file:line:column, the environment, the flag, the preset, or"
                + " `default`). Starts nothing; an invalid configuration is reported as `check` reports it.")
final class ConfigCommand implements Callable<Integer>, ReadsConfiguration {

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--json", description = "Print {files, environment, settings: [{path, value, origin}]} as JSON"
            + " (docs/json.md).")
    boolean json;

    @Override
    public Integer call() {
        ProjectContext project = parent.project();
        MergedConfig config = project.loader().merged(project.projectDir());
        if (json) {
            MergedConfigJson.print(config, parent.cli().out());
        } else {
            ConfigText.print(config, parent.cli().out());
        }
        return ExitCodes.OK;
    }
}
