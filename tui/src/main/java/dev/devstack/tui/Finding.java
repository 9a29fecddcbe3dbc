package dev.devstack.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The filter of the table and the search of the full-screen logs ({@code /}): the text typed in
 * the footer, and the way from one hit to the next ({@code n}, {@code N}).
 */
final class Finding {

    private final ViewState view;
    private final LogBook logs;
    private final Consumer<String> tell;
    private final LongConsumer pauseAt;

    /**
     * @param tell says something in the footer
     * @param pauseAt stops the log view at a line
     */
    Finding(ViewState view, LogBook logs, Consumer<String> tell, LongConsumer pauseAt) {
        this.view = view;
        this.logs = logs;
        this.tell = tell;
        this.pauseAt = pauseAt;
    }

    /** A key while the filter or the search term is typed. */
    void type(KeyStroke key) {
        boolean filtering = view.overlay == ViewState.Overlay.FILTER;
        switch (key.getKeyType()) {
            case Character -> view.typing += key.getCharacter();
            case Backspace -> view.typing = view.typing.isEmpty() ? "" : view.typing.substring(0, view.typing.length() - 1);
            case Enter -> {
                view.overlay = ViewState.Overlay.NONE;
                if (!filtering) {
                    view.search = view.typing;
                    view.hit = 0;
                    next(true);
                }
            }
            case Escape -> {
                view.overlay = ViewState.Overlay.NONE;
                view.typing = "";
                if (filtering) {
                    view.filter = "";
                } else {
                    view.search = "";
                    view.hit = 0;
                }
            }
            default -> { }
        }
        if (filtering && view.overlay == ViewState.Overlay.FILTER) {
            view.filter = view.typing;
        }
    }

    /** Moves the log view to the next line containing the search term, older or newer than the current hit. */
    void next(boolean older) {
        if (view.search.isEmpty()) {
            tell.accept("nothing to find: / starts a search in the full-screen logs");
            return;
        }
        String source = view.logSource();
        long from = view.hit != 0 ? view.hit : view.follow ? logs.newest(source) + 1 : view.anchor + 1;
        logs.search(source, view.search, from, older).ifPresentOrElse(line -> {
            view.hit = line.seq();
            pauseAt.accept(line.seq());
        }, () -> tell.accept("no " + (older ? "older" : "newer") + " line contains \"" + view.search + "\""));
    }
}
