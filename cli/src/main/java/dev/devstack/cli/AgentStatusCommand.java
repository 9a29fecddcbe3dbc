package dev.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.app.agent.AgentClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", header = "Say whether the agent runs, where, and the names of every running stack.",
        description = "Exit 7 when no agent runs.")
final class AgentStatusCommand implements Callable<Integer> {

    @ParentCommand
    AgentCommand agent;

    @Option(names = "--json", description = "Print the agent's status as JSON (docs/names.md).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        CliContext cli = agent.cli();
        Optional<AgentClient> client = AgentClient.connect(agent.home(), "devstack agent status");
        if (client.isEmpty()) {
            cli.err().println("devstack: no agent runs for this user (" + AgentClient.socket(agent.home())
                    + " does not answer); `devstack agent start` starts one");
            return ExitCodes.NOT_RUNNING;
        }
        JsonNode status;
        try (AgentClient running = client.get()) {
            status = running.request(JsonNodeFactory.instance.objectNode().put("request", "status"));
        }
        if (json) {
            ObjectNode document = JsonNodeFactory.instance.objectNode().put("schema_version", 1);
            status.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("ok")) {
                    document.set(field.getKey(), field.getValue());
                }
            });
            cli.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
            return ExitCodes.OK;
        }
        cli.out().println("devstack agent: pid " + status.path("pid").asLong() + ", names on port "
                + status.path("port").asInt() + ", up " + status.path("uptime").asText() + "; running stacks at "
                + status.path("url").asText() + "/");
        JsonNode stacks = status.path("stacks");
        if (stacks.isEmpty()) {
            cli.out().println("no stack runs; it ends by itself after " + status.path("idle_exit").asText()
                    + " without one or a request");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROJECT", "SERVICE", "STATE", "PORT", "NAME"});
        for (JsonNode stack : stacks) {
            String project = stack.path("project").asText() + (stack.path("instance").asText().equals("default") ? ""
                    : " (" + stack.path("instance").asText() + ")");
            for (JsonNode service : stack.path("services")) {
                JsonNode ports = service.path("ports");
                rows.add(new String[] {project, service.path("name").asText(), service.path("state").asText(),
                        ports.isEmpty() ? "-" : ports.get(0).asText(), service.path("url").asText("-")});
            }
        }
        if (!stacks.isEmpty()) {
            Table.print(rows, cli.out());
        }
        return ExitCodes.OK;
    }
}
