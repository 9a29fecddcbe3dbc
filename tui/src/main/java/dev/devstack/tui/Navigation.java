package dev.devstack.tui;

import dev.devstack.supervisor.model.ServiceSnapshot;
import java.util.List;

/**
 * Moving on the screen on show: the arrows, Home, End and the page keys select a service in the
 * table, scroll the logs (pausing them where they are), or scroll the ports, details or graph view.
 */
final class Navigation {

    private final ViewState view;
    private final LogBook logs;

    Navigation(ViewState view, LogBook logs) {
        this.view = view;
        this.logs = logs;
    }

    void move(List<ServiceSnapshot> visible, int by) {
        switch (view.screen) {
            case TABLE -> select(visible, indexOf(visible) + by);
            case LOGS -> {
                if (by < 0) {
                    scrollUp(1);
                } else {
                    scrollDown(1);
                }
            }
            case PORTS -> view.portsScroll = Math.max(0, view.portsScroll + by);
            case DETAILS -> view.detailsScroll = Math.max(0, view.detailsScroll + by);
            case GRAPH -> view.graphScroll = Math.max(0, view.graphScroll + by);
        }
    }

    void home(List<ServiceSnapshot> visible) {
        switch (view.screen) {
            case TABLE -> select(visible, 0);
            case LOGS -> pauseAt(logs.oldest(view.logSource()));
            case PORTS -> view.portsScroll = 0;
            case DETAILS -> view.detailsScroll = 0;
            case GRAPH -> view.graphScroll = 0;
        }
    }

    void end(List<ServiceSnapshot> visible) {
        switch (view.screen) {
            case TABLE -> select(visible, visible.size() - 1);
            case LOGS -> view.follow = true;
            case PORTS -> view.portsScroll = Integer.MAX_VALUE;
            case DETAILS -> view.detailsScroll = Integer.MAX_VALUE;
            case GRAPH -> view.graphScroll = Integer.MAX_VALUE;
        }
    }

    private void select(List<ServiceSnapshot> visible, int index) {
        if (visible.isEmpty()) {
            return;
        }
        String name = visible.get(Math.max(0, Math.min(visible.size() - 1, index))).name();
        if (!name.equals(view.selected)) {
            view.selected = name;
            if (!view.allLogs) {
                view.follow = true;
            }
        }
    }

    void scrollUp(int lines) {
        if (view.screen == ViewState.Screen.PORTS) {
            view.portsScroll = Math.max(0, view.portsScroll - lines);
            return;
        }
        if (view.screen == ViewState.Screen.DETAILS || view.screen == ViewState.Screen.GRAPH) {
            move(List.of(), -Math.max(1, lines));
            return;
        }
        long from = view.follow ? logs.newest(view.logSource()) : view.anchor;
        pauseAt(logs.back(view.logSource(), from, Math.max(1, lines)));
    }

    void scrollDown(int lines) {
        if (view.screen == ViewState.Screen.PORTS) {
            view.portsScroll += lines;
            return;
        }
        if (view.screen == ViewState.Screen.DETAILS || view.screen == ViewState.Screen.GRAPH) {
            move(List.of(), Math.max(1, lines));
            return;
        }
        if (view.follow) {
            return;
        }
        String source = view.logSource();
        view.anchor = logs.forward(source, view.anchor, Math.max(1, lines));
        if (view.anchor >= logs.newest(source)) {
            view.follow = true;
        }
    }

    void pauseAt(long seq) {
        view.follow = false;
        view.anchor = seq;
    }

    int indexOf(List<ServiceSnapshot> visible) {
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).name().equals(view.selected)) {
                return i;
            }
        }
        return -1;
    }
}
