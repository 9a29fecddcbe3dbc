package dev.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.control.ControlRequest;
import java.util.List;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * `devstack restart|stop|start|kill SERVICE…`: one request to the running stack for the services
 * named or matched by globs, which the stack resolves; prints the units it was asked of, one line
 * each ("web.1: restart asked").
 */
final class ServiceRequest {

    private ServiceRequest() {
    }

    /**
     * @param verb     the command's word, also what is asked ("restart")
     * @param services names or globs, at least one (an empty list is a usage error)
     * @param request  the request for the services and who asks
     */
    static int send(DevstackCommand parent, CommandLine command, String verb, List<String> services,
                    BiFunction<List<String>, String, ControlRequest.Act> request) {
        if (services.isEmpty()) {
            throw new ParameterException(command, "name the services to " + verb + ", or '*' for every one"
                    + " (quoted, so that the shell leaves it alone)");
        }
        String by = StackSocket.by(verb);
        return StackSocket.talk(parent, by, stack -> {
            JsonNode reply = stack.request(request.apply(List.copyOf(services), by));
            for (JsonNode unit : reply.path("services")) {
                parent.cli().out().println(unit.asText() + ": " + verb + " asked");
            }
            return ExitCodes.OK;
        });
    }
}
