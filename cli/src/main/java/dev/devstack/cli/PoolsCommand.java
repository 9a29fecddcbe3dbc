package dev.devstack.cli;

import dev.devstack.app.TeamPoolsAccess;
import dev.devstack.store.PortPool;
import dev.devstack.store.TeamPools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "pools", header = "Show or set the port pools of the team registry.",
        description = {"Pools give users, or projects (by their folder's name), ranges of ports of their own in a team"
                + " registry; a claim outside one's pool is refused with the reason (docs/team-registry.md).",
                "`--replace FILE` replaces every pool at once with those of FILE (`users:` and `projects:`, each NAME:"
                        + " FIRST-LAST)."})
final class PoolsCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--replace", paramLabel = "FILE", description = "Replace the team's pools with those of FILE.")
    Path file;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        TeamPools pools = file == null ? TeamPoolsAccess.read(parent.project(), cli.warnings())
                : TeamPoolsAccess.define(parent.project(), cli.workingDir().resolve(file), cli.warnings());
        if (pools.users().isEmpty() && pools.projects().isEmpty()) {
            cli.out().println(file == null ? "no pools: every user may have any port" : "pools removed");
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FOR", "NAME", "PORTS"});
        add(rows, "user", pools.users());
        add(rows, "project", pools.projects());
        Table.print(rows, cli.out());
        return ExitCodes.OK;
    }

    private static void add(List<String[]> rows, String kind, Map<String, PortPool> pools) {
        pools.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> rows.add(new String[] {kind, entry.getKey(), entry.getValue().range()}));
    }
}
