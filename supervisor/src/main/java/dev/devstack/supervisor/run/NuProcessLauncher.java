package dev.devstack.supervisor.run;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Launches with NuProcess: its pump threads read every pipe without ever blocking the child.
 * NuProcess reports an exit status of 127 (command not found) as a failed launch, so a process
 * that did start and then reports that is passed on as exit 127.
 */
public final class NuProcessLauncher implements Launcher {

    public static final int COMMAND_NOT_FOUND = 127;

    @Override
    public void launch(String command, Path cwd, Map<String, String> environment, ProcessListener listener) {
        NuProcessBuilder builder = new NuProcessBuilder(ShellCommand.argv(command), environment);
        builder.setCwd(cwd);
        builder.setProcessListener(new Handler(listener));
        builder.start();
    }

    private static final class Handler extends NuAbstractProcessHandler {
        private final ProcessListener listener;
        private final LineSplitter stdout;
        private final LineSplitter stderr;
        private volatile boolean started;

        Handler(ProcessListener listener) {
            this.listener = listener;
            this.stdout = new LineSplitter(line -> listener.output(OutputSource.STDOUT, line));
            this.stderr = new LineSplitter(line -> listener.output(OutputSource.STDERR, line));
        }

        @Override
        public void onStart(NuProcess process) {
            started = true;
            listener.started(process.getPID());
        }

        @Override
        public void onStdout(ByteBuffer buffer, boolean closed) {
            stdout.feed(buffer);
            if (closed) {
                stdout.close();
            }
        }

        @Override
        public void onStderr(ByteBuffer buffer, boolean closed) {
            stderr.feed(buffer);
            if (closed) {
                stderr.close();
            }
        }

        @Override
        public void onExit(int code) {
            listener.exited(code == Integer.MIN_VALUE && started ? COMMAND_NOT_FOUND : code);
        }
    }
}
