package dev.devstack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real terminal for end-to-end tests: a tmux server of its own, driven like a person would. */
final class Tmux implements AutoCloseable {

    private final String socket = "devstack-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    static boolean installed() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@code command} (a shell line) in a {@code columns} x {@code rows} window. */
    Tmux(int columns, int rows, String command) {
        run("new-session", "-d", "-x", Integer.toString(columns), "-y", Integer.toString(rows), command);
    }

    /** Sets a server option, e.g. {@code set-clipboard on}. */
    void option(String name, String value) {
        run("set-option", "-g", name, value);
    }

    /** Sends {@code text} to the program byte for byte, as a terminal would: a mouse report, say. */
    void sendLiteral(String text) {
        run("send-keys", "-t", "0", "-l", text);
    }

    /** The newest paste buffer: what the program copied through OSC 52 with {@code set-clipboard on}. */
    String buffer() {
        return run("show-buffer");
    }

    void resize(int columns, int rows) {
        run("resize-window", "-t", "0", "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** Whether tmux holds any paste buffer yet. */
    boolean hasBuffer() {
        return !run("list-buffers").isBlank();
    }

    void sendKeys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "0"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    String screen() {
        return run("capture-pane", "-p", "-t", "0");
    }

    /** The screen, once it satisfies {@code wanted}. */
    String await(Duration timeout, String what, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (wanted.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " within " + timeout + "; the screen:\n" + screen);
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
