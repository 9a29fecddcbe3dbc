package dev.devstack.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ends `up` at once, once everything is stopped, released and written. HotSpot's own exit waits
 * up to 300 ms for threads that are inside native code, and NuProcess's I/O thread sits in
 * epoll_wait for up to 250 ms, so a normal exit would hold the prompt back for no reason. The
 * one run that needs the JVM's exit is the launcher's training, whose list of loaded classes is
 * written out at exit.
 */
final class ImmediateExit {

    private interface LibC extends Library {
        void _exit(int status);
    }

    private ImmediateExit() {
    }

    static void exit(CliContext cli, int code) {
        cli.out().flush();
        cli.err().flush();
        if (!recordingClasses()) {
            ExtractedLibraries.deleteOwn();
            Native.load(Platform.C_LIBRARY_NAME, LibC.class)._exit(code);
        }
        System.exit(code);
    }

    private static boolean recordingClasses() {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8)
                    .contains("-XX:DumpLoadedClassList");
        } catch (IOException e) {
            return true;
        }
    }
}
