package dev.devstack.tui;

import dev.devstack.supervisor.model.HostNames;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.StackControl;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code +} and {@code -}: one replica more or fewer of the selected unit's service, counted from
 * the units the stack runs. While one change of a service is under way a second is refused, since
 * the count it would start from is not known yet.
 */
final class Scaling {

    private final ViewState view;
    private final StackControl control;
    private final Consumer<String> tell;
    private final Consumer<ReloadOutcome> done;
    /** Services whose scale is being changed; emptied on whatever thread the change ends. */
    private final Set<String> changing = ConcurrentHashMap.newKeySet();

    /**
     * @param tell says something in the footer
     * @param done takes what the stack did, on whatever thread it was done
     */
    Scaling(ViewState view, StackControl control, Consumer<String> tell, Consumer<ReloadOutcome> done) {
        this.view = view;
        this.control = control;
        this.tell = tell;
        this.done = done;
    }

    void by(String unit, int step) {
        String service = HostNames.serviceOf(unit);
        int now = (int) view.units.stream().filter(name -> HostNames.serviceOf(name).equals(service)).count();
        int wanted = now + step;
        if (wanted < 1) {
            tell.accept(service + " runs one replica, the fewest it can: s stops it instead");
            return;
        }
        if (!changing.add(service)) {
            tell.accept(service + " is being scaled already; press again once its replicas are in the table");
            return;
        }
        tell.accept((step > 0 ? "adding a replica of " : "removing a replica of ") + service + " (" + now + " → "
                + wanted + ")");
        control.scale(service, wanted, Optional.empty()).whenComplete((outcome, error) -> {
            changing.remove(service);
            done.accept(error == null ? outcome : new ReloadOutcome.Refused("scaling " + service + " failed ("
                    + cause(error).getMessage() + "); `devstack scale " + service + " " + wanted + "` tries again",
                    List.of()));
        });
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
