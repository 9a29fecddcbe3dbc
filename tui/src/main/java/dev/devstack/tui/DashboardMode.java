package dev.devstack.tui;

/**
 * Whose stack the dashboard shows, which decides what leaving it means: the stack its own `up`
 * runs, which stops when the dashboard quits; or a stack running elsewhere that `devstack attach`
 * shows, which the dashboard may leave running (d) or stop (q, then s).
 */
public enum DashboardMode {
    UP,
    ATTACHED
}
