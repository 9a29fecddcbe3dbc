package dev.devstack.tui;

import com.googlecode.lanterna.input.MouseAction;
import dev.devstack.supervisor.model.ServiceSnapshot;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the mouse does: a click on a service's row selects it, a click on a port's row in the ports
 * view copies its URL, the wheel scrolls the log pane (the machine's ports in the ports view).
 */
final class Pointer {

    private final ViewState view;
    private final ScreenTargets targets;
    private final Consumer<Clip> copy;

    Pointer(ViewState view, ScreenTargets targets, Consumer<Clip> copy) {
        this.view = view;
        this.targets = targets;
        this.copy = copy;
    }

    void act(MouseAction mouse, List<ServiceSnapshot> visible, Runnable wheelUp, Runnable wheelDown) {
        switch (mouse.getActionType()) {
            case SCROLL_UP -> wheelUp.run();
            case SCROLL_DOWN -> wheelDown.run();
            case CLICK_DOWN -> targets.at(mouse.getPosition().getRow()).ifPresent(target -> click(target, visible));
            default -> { }
        }
    }

    private void click(ScreenTargets.Target target, List<ServiceSnapshot> visible) {
        if (target instanceof ScreenTargets.Service service
                && visible.stream().anyMatch(shown -> shown.name().equals(service.name()))) {
            if (!service.name().equals(view.selected) && !view.allLogs) {
                view.follow = true;
            }
            view.selected = service.name();
        } else if (target instanceof ScreenTargets.Url url) {
            copy.accept(Clip.url(url.url()));
        }
    }
}
