package dev.devstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The native library lz4-java (under MapDB's hashing) copies into the temporary folder and loads:
 * it asks the JVM to delete the copy at exit, which an `_exit(2)` skips, so every `up` left a
 * {@code liblz4-java*.so} behind. Linux keeps a loaded library mapped after its file is deleted, so
 * the copies this process mapped (found in /proc/self/maps) are deleted before it ends.
 */
final class ExtractedLibraries {

    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final String PREFIX = "liblz4-java";

    private ExtractedLibraries() {
    }

    static void deleteOwn() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> maps;
        try {
            maps = Files.readAllLines(MAPS);
        } catch (IOException notLinux) {
            return;
        }
        maps.stream().map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
                .filter(path -> !path.isEmpty()).distinct().map(Path::of)
                .filter(path -> temporary.equals(path.getParent()) && path.getFileName().toString().startsWith(PREFIX))
                .forEach(ExtractedLibraries::delete);
    }

    private static void delete(Path library) {
        try {
            Files.deleteIfExists(library);
        } catch (IOException e) {
            // not ours to delete after all, or already gone: nothing is lost by leaving it
        }
    }
}
