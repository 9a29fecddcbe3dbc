package dev.devstack.tui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real processes (each its own group) for the table's pid, CPU and memory columns; ended by close. */
final class Sleepers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();

    long start() {
        try {
            Process process = new ProcessBuilder("setsid", "sleep", "120").start();
            processes.add(process);
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
