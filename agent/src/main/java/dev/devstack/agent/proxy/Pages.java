package dev.devstack.agent.proxy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.agent.names.Route;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The proxy's own answers: small self-contained pages (no external assets) for a name that does not
 * lead to a running service, and plain text for requests it refuses. Everything a service or client
 * supplied (names, phases, log lines) is escaped: a service's lines are untrusted.
 */
final class Pages {

    /** The pages that wait for a service reload themselves this often. */
    private static final int RETRY_SECONDS = 2;

    private Pages() {
    }

    static LocalAnswer notAnswering(Route.Forward route) {
        String body = "<h1>" + Html.escape(route.service()) + " is not answering</h1>\n<p>Service <b>" + Html.escape(route.service())
                + "</b> of project <b>" + Html.escape(route.project()) + "</b> should listen on port <b>" + route.port()
                + "</b>, but nothing accepted a connection there. This page tries again every " + RETRY_SECONDS
                + " seconds; <code>devstack status</code> in the project shows what the service is doing.</p>";
        return page(502, route.service() + " is not answering", body, true, Map.of());
    }

    static LocalAnswer waiting(Route.Waiting route) {
        StringBuilder body = new StringBuilder("<h1>" + Html.escape(route.service()) + " is " + Html.escape(route.phase()) + "</h1>\n")
                .append("<p>Service <b>").append(Html.escape(route.service())).append("</b> of project <b>")
                .append(Html.escape(route.project())).append("</b> is <b>").append(Html.escape(route.phase()))
                .append("</b>. This page reloads every ").append(RETRY_SECONDS)
                .append(" seconds and shows the service when it answers.</p>\n");
        if (!route.lastLines().isEmpty()) {
            body.append("<p>Its last lines:</p>\n<pre>");
            route.lastLines().forEach(line -> body.append(Html.escape(line)).append('\n'));
            body.append("</pre>");
        }
        return page(503, route.service() + " is " + route.phase(), body.toString(), true,
                Map.of("Retry-After", String.valueOf(RETRY_SECONDS)));
    }

    static LocalAnswer unknown(Route.Unknown route, int proxyPort) {
        StringBuilder body = new StringBuilder("<h1>No service is named " + Html.escape(route.name()) + "</h1>\n");
        if (route.names().isEmpty()) {
            body.append("<p>No running stack has a name yet: <code>devstack up</code> in a project gives its"
                    + " services theirs.</p>");
        } else {
            body.append("<p>These names exist:</p>\n<ul>\n");
            for (Route.Known known : route.names()) {
                String url = "http://" + known.host() + ":" + proxyPort + "/";
                body.append("<li><a href=\"").append(Html.escape(url)).append("\">").append(Html.escape(known.host())).append("</a> ")
                        .append("service <b>").append(Html.escape(known.service())).append("</b> of project <b>")
                        .append(Html.escape(known.project())).append("</b>, ").append(Html.escape(known.phase())).append("</li>\n");
            }
            body.append("</ul>");
        }
        return page(404, "No service is named " + route.name(), body.toString(), false, Map.of());
    }

    static LocalAnswer refused(Route.Refused route) {
        return text(403, "devstack's agent does not serve " + route.name() + ": it only serves names under"
                + " .localhost (such as http://web.shop.localhost/), so that it is neither an open proxy nor a way"
                + " in for another site's DNS.\n");
    }

    static LocalAnswer text(int status, String text) {
        return new LocalAnswer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The agent's own site failed: the error, as the site's JSON answers carry it, without a trace. */
    static LocalAnswer failed(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("schema_version", 1).put("success", false)
                .put("error", message);
        return LocalAnswer.json(500, json.toString());
    }

    private static LocalAnswer page(int status, String title, String body, boolean retries,
                                    Map<String, String> headers) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + (retries ? "<meta http-equiv=\"refresh\" content=\"" + RETRY_SECONDS + "\">\n" : "")
                + "<title>" + Html.escape(title) + " · devstack</title>\n"
                + "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:50em;padding:0 1em}"
                + "pre{background:#f4f4f4;padding:.8em;overflow:auto}</style></head>\n<body>\n"
                + body + "\n</body></html>\n";
        return new LocalAnswer(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), headers);
    }
}
