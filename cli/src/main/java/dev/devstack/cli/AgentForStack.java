package dev.devstack.cli;

import dev.devstack.app.ProjectContext;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.HostNames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Consumer;

/**
 * `up` of a stack whose URLs are names (`urls: names`) makes sure the agent runs, on a thread of its
 * own so that the services start meanwhile, and says in the stack's output where its names answer
 * (or why they do not: the stack runs on, its ports work as ever).
 */
final class AgentForStack {

    private AgentForStack() {
    }

    /** Whether the system's resolver, which the services' own HTTP clients use, finds {@code host}. */
    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static void ensure(StackConfig config, Consumer<String> notices, ProjectContext project) {
        if (!config.names().inUrls()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                AgentStarter.Running agent = AgentStarter.ensure(project.home(), StackSocket.by("up"), List.of());
                String names = HostNames.url("SERVICE." + HostNames.stack(project.instance(), config.project()),
                        agent.port());
                notices.accept("names through the devstack agent (pid " + agent.pid()
                        + (agent.started() ? ", started now" : "") + "): " + names + "; every running stack at "
                        + agent.url() + "/");
                if (!resolves(HostNames.AGENT)) {
                    notices.accept("this machine's resolver does not resolve *.localhost names (glibc"
                            + " without nss-myhostname): browsers and curl reach the names, but a service that calls"
                            + " another by its URL will fail to look the name up; install libnss-myhostname, or see"
                            + " docs/names.md, \"Where a name does not resolve\"");
                }
            } catch (AgentStarter.NotStarted e) {
                notices.accept(e.getMessage() + "; the services' names do not answer until"
                        + " `devstack agent start` succeeds (its log: " + e.log + "); their ports work as ever");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "devstack-agent-start");
        thread.setDaemon(true);
        thread.start();
    }
}
