package dev.devstack.agent.names;

import dev.devstack.supervisor.model.StackSnapshot;
import java.util.List;

/** A running stack as the route table needs it: its snapshot now, its supervisor's pid, a unit's last lines. */
public interface NamedStack {

    StackSnapshot snapshot();

    long pid();

    List<String> lastLines(String unit);
}
