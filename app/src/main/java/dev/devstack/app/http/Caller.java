package dev.devstack.app.http;

/**
 * Who asked for an action over HTTP, as the stack's output names them ("restart asked by web"): a
 * program that sent the API token, or the web page, which holds its cookie instead.
 */
enum Caller {
    API("the HTTP API"),
    WEB("web");

    private final String words;

    Caller(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }
}
