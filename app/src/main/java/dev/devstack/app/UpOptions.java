package dev.devstack.app;

import dev.devstack.supervisor.config.Selection;

/**
 * What `devstack up` was asked for: which services ({@link Selection}: named ones, profiles, or the
 * default), whether any failure ends the stack, and whether it is watched interactively (a
 * dashboard), so that it stays open until quit.
 */
public record UpOptions(Selection selection, boolean exitOnFailure, boolean interactive, boolean adopt) {

    public static final UpOptions ALL = new UpOptions(Selection.DEFAULT, false, false, false);
}
