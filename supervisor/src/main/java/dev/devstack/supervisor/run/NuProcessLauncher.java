package dev.devstack.supervisor.run;

import com.zaxxer.nuprocess.NuAbstractProcessHandler;
import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import dev.devstack.supervisor.model.OutputSource;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Launches with NuProcess: its pump threads read every pipe without ever blocking the child.
 * The exit is reported by {@link ExitWatch} as soon as the child is a zombie, or by NuProcess,
 * whichever comes first. NuProcess reports an exit status of 127 (command not found) as a failed
 * launch, so a process that did start and then reports that is passed on as exit 127. A service
 * under a terminal ({@link PseudoTerminal}) writes there instead of to the pipes, and its exit is
 * reported once its terminal is drained.
 */
public final class NuProcessLauncher implements Launcher {

    public static final int COMMAND_NOT_FOUND = 127;

    @Override
    public ServiceConsole launch(String command, Path cwd, Map<String, String> environment,
                                 Optional<TerminalSize> terminal, ProcessListener listener) {
        PseudoTerminal tty = terminal.map(PseudoTerminal::new).orElse(null);
        ServiceConsole console;
        ShellCommand.Stdin stdin;
        if (tty != null) {
            console = tty;
            stdin = new ShellCommand.Stdin.Terminal(tty.path());
        } else {
            InputPipe pipe = new InputPipe();
            console = pipe;
            stdin = new ShellCommand.Stdin.Pipe(pipe.path());
        }
        try {
            NuProcessBuilder builder = new NuProcessBuilder(ShellCommand.argv(command, stdin), environment);
            builder.setCwd(cwd);
            builder.setProcessListener(new Handler(listener, Optional.ofNullable(tty)));
            if (tty != null) {
                // before the start: a command that ends at once must still have its output read
                tty.read(environment.getOrDefault(ProcessTracker.RUN_VARIABLE, command), listener);
            }
            builder.start();
        } catch (RuntimeException e) {
            console.close();
            throw e;
        }
        return console;
    }

    private static final class Handler extends NuAbstractProcessHandler implements ExitWatch.ExitReport {
        private final ProcessListener listener;
        private final Optional<PseudoTerminal> terminal;
        private final LineSplitter stdout;
        private final LineSplitter stderr;
        private final AtomicBoolean exitReported = new AtomicBoolean();
        private volatile boolean started;
        private long pid;
        private OptionalLong startTicks = OptionalLong.empty();
        private int openPipes = 2;

        Handler(ProcessListener listener, Optional<PseudoTerminal> terminal) {
            this.listener = listener;
            this.terminal = terminal;
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

        /**
         * Both pipes of a process close when it exits (NuProcess calls one process's handlers on one
         * thread); a service under a terminal closes them as it starts, so its exit is left to NuProcess.
         */
        private void pipeClosed() {
            if (--openPipes == 0 && started && startTicks.isPresent() && terminal.isEmpty()) {
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
                terminal.ifPresent(PseudoTerminal::close);
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
                if (terminal.isPresent()) {
                    terminal.get().exited(() -> listener.exited(code));
                } else {
                    listener.exited(code);
                }
            }
        }
    }
}
