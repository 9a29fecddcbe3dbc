package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.model.DetailText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Passes when GET http://127.0.0.1:PORT/PATH answers with a status in the accepted range (2xx/3xx by default). */
final class HttpProbe implements Probe {

    private final int port;
    private final String path;
    private final CheckSpec.StatusRange accepted;
    private final Duration timeout;
    private final HttpClient client;

    HttpProbe(int port, String path, CheckSpec.StatusRange accepted, Duration timeout) {
        this.port = port;
        this.path = path;
        this.accepted = accepted;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Result attempt() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout)
                .GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Result(accepted.contains(status), "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Result(false, "no answer within " + DetailText.seconds(timeout));
        } catch (ConnectException e) {
            return new Result(false, "connection refused", false);
        } catch (IOException e) {
            return new Result(false, "no answer (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }

    @Override
    public String describe() {
        return CheckNames.http(path, port);
    }
}
