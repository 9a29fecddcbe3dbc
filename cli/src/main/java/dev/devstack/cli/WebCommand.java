package dev.devstack.cli;

import dev.devstack.supervisor.json.JsonDocument;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "web", header = "Open the running stack's web page in your browser.", description = {
        "Prints the page's address and opens it with a one-time code that lets that browser restart, stop, start"
                + " and kill services and reload the configuration for 12 hours; without the code the page is"
                + " read-only (docs/web.md).",
        "Exit 7 when no stack runs the project, 1 when it has no HTTP API."})
final class WebCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--no-open", description = "Open nothing: print the address and the one-time link (for another"
            + " machine's browser over an SSH tunnel, or a script).")
    boolean noOpen;

    @Option(names = "--json", description = "Print {url, login_url, opened_with} as JSON (docs/json.md).")
    boolean json;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        return StackSocket.talk(parent, StackSocket.by("web"), stack -> {
            if (stack.hello().apiUrl().isEmpty()) {
                cli.err().println("devstack: the stack of " + parent.project().projectDir() + " has no HTTP API, so"
                        + " no web page (its output says why: `devstack logs`); `devstack down` and `devstack up`"
                        + " try again for a free port");
                return ExitCodes.NOT_FOUND;
            }
            WebPage page = WebPage.of(stack.hello().apiUrl().get(), parent.project().home(), cli.clock().instant());
            Optional<String> opener = noOpen ? Optional.empty() : page.open(cli.environment());
            if (json) {
                JsonDocument.print(cli.out(), JsonDocument.COMMAND_SCHEMA_VERSION, out -> {
                    out.writeStringField("url", page.url());
                    out.writeStringField("login_url", page.loginUrl());
                    out.writeStringField("opened_with", opener.orElse(null));
                });
            } else if (noOpen) {
                cli.out().println("web page: " + page.url());
                cli.out().println("to act from it, open this link within a minute: " + page.loginUrl());
            } else {
                cli.out().println(page.told(opener));
            }
            return ExitCodes.OK;
        });
    }
}
