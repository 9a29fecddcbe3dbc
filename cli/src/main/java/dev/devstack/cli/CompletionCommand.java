package dev.devstack.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "completion", header = "Print a shell completion script for bash, zsh or fish.", description = {
        "bash: add `source <(devstack completion bash)` to ~/.bashrc.",
        "zsh: add `source <(devstack completion zsh)` to ~/.zshrc (the bash script, loaded through bashcompinit).",
        "fish: `devstack completion fish > ~/.config/fish/completions/devstack.fish`."})
final class CompletionCommand implements Callable<Integer> {

    /** Lower case: the values are typed as they are written here. */
    enum Shell { bash, zsh, fish }

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine devstack = spec.root().commandLine();
        String script = switch (shell) {
            case bash, zsh -> AutoComplete.bash(devstack.getCommandName(), devstack);
            case fish -> FishCompletion.script(spec.root());
        };
        parent.cli().out().print(script);
        parent.cli().out().flush();
        return ExitCodes.OK;
    }
}
