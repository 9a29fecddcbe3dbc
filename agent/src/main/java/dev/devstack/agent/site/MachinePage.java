package dev.devstack.agent.site;

import dev.devstack.agent.proxy.Html;
import java.util.List;

/**
 * {@code http://devstack.localhost:PORT/}: every running stack of the user, with its services,
 * their names, phases and ports, and a link to each stack's own web page. A plain page that
 * refreshes itself every few seconds; every value in it is escaped.
 */
final class MachinePage {

    private MachinePage() {
    }

    static String html(List<StackNames> stacks, int agentPort, long agentPid) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"3\"><title>devstack: running stacks</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.2em .8em;text-align:left}")
                .append("th{border-bottom:1px solid #ccc}.ready{color:#17803d}.crashed,.failed{color:#b42318}")
                .append("small{color:#666}</style></head><body><h1>Running stacks</h1>");
        page.append("<p><small>devstack agent, pid ").append(agentPid).append(", names on port ").append(agentPort)
                .append(" &middot; <a href=\"/api/stacks\">/api/stacks</a></small></p>");
        if (stacks.isEmpty()) {
            page.append("<p>No stack runs now. Start one with <code>devstack up</code> in a project.</p>");
        }
        for (StackNames stack : stacks) {
            page.append("<h2>").append(Html.escape(stack.project()));
            if (!stack.instance().equals("default")) {
                page.append(" <small>(").append(Html.escape(stack.instance())).append(")</small>");
            }
            page.append(" <small>").append(Html.escape(stack.phase())).append(", pid ").append(stack.pid())
                    .append("</small></h2><p>");
            stack.frontDoorUrl().ifPresent(url -> page.append(Html.link(url)).append(" &middot; "));
            stack.webUrl().ifPresentOrElse(url -> page.append("<a href=\"").append(Html.escape(url))
                    .append("\">its web page</a>"), () -> page.append("<small>no web page</small>"));
            page.append("</p><table><tr><th>service</th><th>state</th><th>name</th><th>port</th></tr>");
            for (StackNames.Unit unit : stack.units()) {
                page.append("<tr><td>").append(Html.escape(unit.name())).append("</td><td class=\"")
                        .append(Html.escape(unit.state())).append("\">").append(Html.escape(unit.state()))
                        .append("</td><td>").append(unit.url().map(Html::link).orElse("&mdash;")).append("</td><td>")
                        .append(unit.ports().isEmpty() ? "&mdash;" : String.valueOf(unit.ports().get(0)))
                        .append("</td></tr>");
            }
            page.append("</table>");
        }
        return page.append("</body></html>").toString();
    }
}
