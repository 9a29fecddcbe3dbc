package dev.devstack.supervisor.run;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import dev.devstack.supervisor.model.OutputSource;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Launches with NuProcess: its pump threads read every pipe without ever blocking the child.
 * The exit is reported by {@link ExitWatch} as soon as the child is a zombie, or by NuProcess,
 * whichever comes first. NuProcess reports an exit status of 127 (command not found) as a failed
 * launch, so a process that did start and then reports that is passed on as exit 127.
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

    private static final class Handler extends NuAbstractProcessHandler implements ExitWatch.ExitReport {
        private final ProcessListener listener;
        private final LineSplitter stdout;
        private final LineSplitter stderr;
        private final AtomicBoolean exitReported = new AtomicBoolean();
        private volatile boolean started;
        private long pid;
        private OptionalLong startTicks = OptionalLong.empty();
        private int openPipes = 2;

        Handler(ProcessListener listener) {
            this.listener = listener;
            this.stdout = new LineSplitter(line -> listener.output(OutputSource.STDOUT, line));
            this.stderr = new LineSplitter(line -> listener.output(OutputSource.STDERR, line));
        }

        @Override
        public void onStart(NuProcess process) {
            started = true;
            pid = process.getPID();
            startTicks = ExitWatch.startTicks(pid);
            listener.started(pid);
        }

        @Override
        public void onStdout(ByteBuffer buffer, boolean closed) {
            read(OutputSource.STDOUT, stdout, buffer, closed);
        }

        @Override
        public void onStderr(ByteBuffer buffer, boolean closed) {
            read(OutputSource.STDERR, stderr, buffer, closed);
        }

        /** The bytes go on as read (NuProcess reuses its buffer, so they are copied once) and as lines to show. */
        private void read(OutputSource source, LineSplitter lines, ByteBuffer buffer, boolean closed) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            listener.wrote(source, bytes, closed);
            lines.feed(ByteBuffer.wrap(bytes));
            if (closed) {
                lines.close();
                pipeClosed();
            }
        }

        /** Both pipes of a process close when it exits (NuProcess calls one process's handlers on one thread). */
        private void pipeClosed() {
            if (--openPipes == 0 && started && startTicks.isPresent()) {
                ExitWatch.start(pid, startTicks.getAsLong(), this);
            }
        }

        /** NuProcess reports a launch that failed as {@link Integer#MIN_VALUE}. */
        @Override
        public void onExit(int code) {
            if (code != Integer.MIN_VALUE) {
                report(code);
            } else if (started) {
                report(COMMAND_NOT_FOUND);
            } else if (exitReported.compareAndSet(false, true)) {
                listener.failedToStart();
            }
        }

        @Override
        public boolean reported() {
            return exitReported.get();
        }

        @Override
        public void report(int code) {
            if (exitReported.compareAndSet(false, true)) {
                listener.exited(code);
            }
        }
    }
}
