package dev.devstack.app.view;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the dashboard's copy mode also puts what it copied, for terminals that do not honour the
 * clipboard sequence: a file private to the user, replaced by each copy. Written off the drawing thread.
 */
@FunctionalInterface
public interface CopyFile {

    /** Writes {@code text} and returns the file's path as the user knows it (relative to the project when inside it). */
    Path write(String text) throws IOException;
}
