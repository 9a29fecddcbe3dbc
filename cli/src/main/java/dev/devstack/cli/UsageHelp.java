package dev.devstack.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Gives every command below devstack its -h/--help and every command one layout: the one-line
 * header, then the synopsis, the description and the options, each after a blank line. Added here
 * rather than on each class, so that a new command cannot be without help.
 */
final class UsageHelp {

    private UsageHelp() {
    }

    static void addTo(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        usage.synopsisHeading(usage.header().length == 0 ? "Usage: " : "%nUsage: ")
                .descriptionHeading("%n")
                .parameterListHeading("%nParameters:%n")
                .optionListHeading("%nOptions:%n")
                .commandListHeading("%nCommands:%n");
        if (spec.helpCommand()) {
            // picocli's own text carries blank lines for its own layout.
            usage.description("Without a COMMAND it shows devstack's help; with one, that command's, as"
                    + " `devstack COMMAND --help` does.");
        }
        if (!spec.optionsMap().containsKey("--help")) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(UsageHelp::addTo);
    }
}
