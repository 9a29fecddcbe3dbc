package dev.devstack.cli;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web dashboard in a headless chromium, found only by its DOM contract (docs/web.md): rows and
 * buttons by data-service and data-action, cells by data-field, the stream's state on the body, log
 * lines in #logs. No layout, no class names, no wording beyond what the contract fixes.
 */
final class DashboardPage {

    /** A stopped stack's page waits up to 3 s between tries to reconnect, and a stack takes seconds to start. */
    static final Duration RECONNECT = Duration.ofSeconds(30);

    private final HeadlessChromium chromium;

    DashboardPage(HeadlessChromium chromium) {
        this.chromium = chromium;
    }

    /** Opens the page and waits until its event stream is live. */
    DashboardPage open(String url) {
        chromium.open(url);
        return awaitConnection("live", HeadlessChromium.WAIT);
    }

    DashboardPage awaitConnection(String state, Duration timeout) {
        chromium.await(timeout, () -> "body[data-connection=" + state + "]; it is " + attribute("data-connection")
                + ", #connection says " + text("#connection"), page -> state.equals(attribute("data-connection")));
        return this;
    }

    String access() {
        return attribute("data-access");
    }

    DashboardPage awaitAccess(String access) {
        chromium.await(HeadlessChromium.WAIT, () -> "body[data-access=" + access + "]; it is " + access(),
                page -> access.equals(access()));
        return this;
    }

    /** The services the table has a row for, in its order. */
    List<String> rows() {
        return chromium.all("table#services tr[data-service]").stream().map(row -> row.getDomAttribute("data-service"))
                .toList();
    }

    /** The cell's text now, or null while the page has no such cell. */
    String cell(String service, String field) {
        return text("table#services tr[data-service='" + service + "'] [data-field='" + field + "']");
    }

    /** Waits until the cell's text passes {@code test}, and returns that text. */
    String awaitCell(String service, String field, String what, Predicate<String> test) {
        return chromium.await(RECONNECT, () -> service + "'s " + field + " cell " + what + "; it says \""
                + cell(service, field) + "\"", page -> {
            String text = cell(service, field);
            return text != null && test.test(text) ? text : null;
        });
    }

    /** The href of each link in the service's ports cell, as the page wrote it. */
    List<String> portLinks(String service) {
        return chromium.all("table#services tr[data-service='" + service + "'] [data-field=ports] a").stream()
                .map(link -> link.getDomAttribute("href")).toList();
    }

    WebElement button(String service, String action) {
        return chromium.find("button[data-service='" + service + "'][data-action='" + action + "']");
    }

    /** Every action button of the page: each service's and the header's reload. */
    List<WebElement> actionButtons() {
        return chromium.all("button[data-action]");
    }

    WebElement find(String css) {
        return chromium.find(css);
    }

    List<WebElement> logLines(String service) {
        return chromium.all("#logs .line[data-service='" + service + "']");
    }

    /**
     * Notes the wall-clock time (Date.now(), the same clock as the test's) at which a line of the
     * service containing {@code text} is added to #logs; read it with {@link #lineSeenAt}.
     */
    void watchForLine(String service, String text) {
        chromium.script("""
                const [service, text] = arguments;
                window.devstackLineSeenAt = null;
                const logs = document.getElementById("logs");
                const isIt = line => line !== null && line.dataset.service === service && line.textContent.includes(text);
                const added = node => {
                  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
                  return element !== null
                      && (isIt(element.closest(".line")) || [...element.querySelectorAll(".line")].some(isIt));
                };
                new MutationObserver((records, observer) => {
                  if (records.some(record => [...record.addedNodes].some(added))) {
                    window.devstackLineSeenAt = Date.now();
                    observer.disconnect();
                  }
                }).observe(logs, {childList: true, subtree: true});
                """, service, text);
    }

    /** When the watched line appeared, in milliseconds since the epoch; waits for it. */
    long lineSeenAt(String what) {
        return chromium.await(what, page -> (Long) chromium.script("return window.devstackLineSeenAt"));
    }

    /** The HTTP status of a POST that the page's own script sends to {@code path}, as a forged click would. */
    long postFromThePage(String path) {
        return (Long) chromium.asyncScript("""
                const [path, done] = arguments;
                fetch(path, {method: "POST"}).then(answer => done(answer.status), error => done(-1));
                """, path);
    }

    private String text(String css) {
        return chromium.all(css).stream().findFirst().map(element -> element.getText().strip()).orElse(null);
    }

    private String attribute(String name) {
        return chromium.find("body").getDomAttribute(name);
    }
}
