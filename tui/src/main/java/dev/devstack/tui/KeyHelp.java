package dev.devstack.tui;

import java.util.ArrayList;
import java.util.List;

/** Every key of the dashboard and what it does: the help overlay shows this list, and docs/tui.md is checked against it. */
final class KeyHelp {

    record Entry(String keys, String does) {
    }

    private static final List<Entry> COMMON = List.of(
            new Entry("↑ ↓  j k", "select a service (in full-screen logs: scroll a line)"),
            new Entry("Home End", "first / last service (in full-screen logs: oldest / newest line)"),
            new Entry("Enter", "full-screen logs of the selected service, and back"),
            new Entry("a", "all services' logs interleaved, or the selected one's"),
            new Entry("r", "restart the selected service (start it if it has ended)"),
            new Entry("s", "stop the selected service, or start it if it is not running"),
            new Entry("K", "kill the selected service's process group with SIGKILL (asks y/n)"),
            new Entry("/", "filter services by name (in full-screen logs: search)"),
            new Entry("n N", "older / newer search hit"),
            new Entry("f", "follow new lines, or pause where you are"),
            new Entry("PgUp PgDn", "scroll the logs a page"),
            new Entry("t", "type into the selected service: each line goes to its input on Enter, until Esc"),
            new Entry("c", "copy mode: move with ↑ ↓ j k, v marks, y copies the lines (clipboard and .devstack/copied.txt)"),
            new Entry("+ -", "one replica more or fewer of the selected service (within its scale limits)"),
            new Entry("R", "read the configuration again and apply only what changed"),
            new Entry("p", "ports: this stack's, and every listening port of the machine"),
            new Entry("i", "details of the selected service: command, folder, environment, ports, checks, processes"),
            new Entry("g", "dependency graph: what each service waits for, and why a blocked one is blocked"),
            new Entry("?", "this help (↑ ↓ scroll it on a small screen, Esc closes it)"),
            new Entry("Esc", "close help, cancel a question, clear the filter or search, leave a view"));

    private static final List<Entry> UP = List.of(
            new Entry("q", "stop the stack and quit (asks y/n while services run)"),
            new Entry("Ctrl-C", "stop the stack and quit at once; again: kill what is left"));

    private static final List<Entry> ATTACHED = List.of(
            new Entry("d", "detach: leave the dashboard, the stack goes on running"),
            new Entry("q", "stop the stack, or only detach (asks s/d)"),
            new Entry("Ctrl-C", "detach at once; while the stack stops: kill what is left"));

    private KeyHelp() {
    }

    /** The keys of a dashboard of this mode, in the order the help lists them. */
    static List<Entry> entries(DashboardMode mode) {
        List<Entry> entries = new ArrayList<>(COMMON);
        entries.addAll(mode == DashboardMode.ATTACHED ? ATTACHED : UP);
        return List.copyOf(entries);
    }
}
