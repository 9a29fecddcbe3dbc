package dev.devstack.detect;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What `devstack who` tells about a process beyond {@link ProcessInfo}: its name (as the kernel
 * knows it, at most 15 characters) and its working folder, which only its owner may read.
 */
public record ProcessDetails(ProcessInfo info, String name, Optional<Path> workingDir) {
}
