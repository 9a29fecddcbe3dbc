package dev.devstack.cli;

import dev.devstack.app.init.Finding;
import dev.devstack.app.init.InitProposal;
import dev.devstack.app.init.PortsYamlFile;
import dev.devstack.app.init.PortsYamlText;
import dev.devstack.app.init.ProjectInit;
import dev.devstack.supervisor.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "init", header = "Write a commented ports.yaml from what the project already has.",
        description = "Reads the Procfile (and .env), process-compose.yaml, a Compose file, manage.py, pyproject.toml or"
                + " requirements.txt with Flask or FastAPI, a Gemfile with Rails, a Maven or Gradle build with Spring"
                + " Boot, and package.json scripts (workspaces too), and writes ports.yaml (0600) with a service for"
                + " each process it finds, saying where each came from. What it found and why goes to stderr."
                + " An existing ports.yaml is replaced only with --force.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Replace an existing ports.yaml.")
    boolean force;

    @Option(names = {"--dry-run", "--print"}, description = "Print the ports.yaml to stdout instead of writing it.")
    boolean dryRun;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        Path dir = (parent.dir == null ? cli.workingDir() : cli.workingDir().resolve(parent.dir)).normalize();
        Path file = dir.resolve(ConfigLoader.PORTS_YAML);
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), dir + " is not a folder; give -C the project's folder");
        }
        if (!dryRun && !force && Files.exists(file)) {
            throw refusal(file);
        }
        InitProposal proposal = ProjectInit.propose(dir);
        PrintStream err = cli.err();
        for (Finding finding : proposal.findings()) {
            err.println(finding.problem() ? "devstack: warning: " + finding.source() + ": " + finding.text()
                    : "  " + finding.source() + ": " + finding.text());
        }
        if (proposal.isEmpty()) {
            err.println("devstack: found nothing in " + dir + " to make a " + ConfigLoader.PORTS_YAML + " from; init"
                    + " looked for:");
            ProjectInit.LOOKS_FOR.forEach(source -> err.println("  " + source));
            err.println("  write one yourself, such as:");
            ConfigLoader.STARTER.forEach(line -> err.println("    " + line));
            return ExitCodes.NOT_FOUND;
        }
        String text = PortsYamlText.of(proposal);
        if (dryRun) {
            cli.out().print(text);
            return ExitCodes.OK;
        }
        try {
            PortsYamlFile.write(file, text, force);
        } catch (FileAlreadyExistsException e) {
            throw refusal(file);
        } catch (IOException e) {
            err.println("devstack: cannot write " + file + ": " + e.getMessage() + "; nothing was written (check the"
                    + " folder's permissions, or use --dry-run to print it)");
            return ExitCodes.NOT_FOUND;
        }
        int count = proposal.services().size();
        cli.out().println("wrote " + file + " (" + count + " service" + (count == 1 ? "" : "s") + " from "
                + String.join(", ", proposal.sources()) + "); `devstack check` shows the plan, `devstack up` starts it");
        return ExitCodes.OK;
    }

    private ParameterException refusal(Path file) {
        return new ParameterException(spec.commandLine(), file + " exists and init does not replace it; add --force"
                + " to replace it, or --dry-run to print what init would write");
    }
}
