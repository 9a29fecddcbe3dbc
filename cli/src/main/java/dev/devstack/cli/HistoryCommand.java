package dev.devstack.cli;

import dev.devstack.app.History;
import dev.devstack.app.json.HistoryJson;
import dev.devstack.store.RegistryEvent;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", header = "Show what happened to ports, from the registry's audit log.",
        description = "Claims, releases, sweeps, conflicts, moves and kills (the registry keeps the last 10,000 events),"
                + " oldest first; with a team registry, a HOST column names the other host an event happened on.")
final class HistoryCommand implements Callable<Integer>, OpensRegistry {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Only events about this port.")
    String port;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "Show the newest N events (default 100; 0: all of them).")
    int limit;

    @Option(names = "--json", description = "Print JSON (schema in docs/cli.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, not " + limit);
        }
        OptionalInt only = port == null ? OptionalInt.empty()
                : OptionalInt.of(PortArguments.port(spec.commandLine(), "--port", port));
        CliContext cli = parent.cli();
        List<RegistryEvent> all = History.read(parent.project(), only, cli.warnings());
        List<RegistryEvent> shown = limit == 0 || all.size() <= limit ? all
                : all.subList(all.size() - limit, all.size());
        if (json) {
            HistoryJson.print(shown, cli.out());
            return ExitCodes.OK;
        }
        if (all.isEmpty()) {
            cli.out().println(only.isPresent() ? "no events about port " + only.getAsInt() : "no events yet");
            return ExitCodes.OK;
        }
        table(shown, cli.clock().getZone(), cli.out());
        if (shown.size() < all.size()) {
            cli.out().println("(the newest " + shown.size() + " of " + all.size() + " events; --limit 0 shows all)");
        }
        return ExitCodes.OK;
    }

    /** A HOST column only when another host's event is among them: on the embedded registry there never is one. */
    static void table(List<RegistryEvent> events, ZoneId zone, PrintStream out) {
        boolean hosts = events.stream().anyMatch(RegistryEvent::remote);
        List<String[]> rows = new ArrayList<>();
        rows.add(hosts ? new String[] {"TIME", "HOST", "EVENT", "PORT", "OWNER", "PID", "DETAIL"}
                : new String[] {"TIME", "EVENT", "PORT", "OWNER", "PID", "DETAIL"});
        for (RegistryEvent event : events) {
            List<String> row = new ArrayList<>(List.of(WHEN.format(event.at().atZone(zone)), event.kind().word(),
                    event.port() == 0 ? "-" : String.valueOf(event.port()),
                    event.owner().isEmpty() ? "-" : event.owner(),
                    event.pid() == 0 ? "-" : String.valueOf(event.pid()), event.detail()));
            if (hosts) {
                row.add(1, event.remote() ? event.host() : "this host");
            }
            rows.add(row.toArray(String[]::new));
        }
        Table.print(rows, out);
    }
}
