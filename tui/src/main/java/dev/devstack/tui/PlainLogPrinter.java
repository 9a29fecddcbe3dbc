package dev.devstack.tui;

import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of `devstack up` without a dashboard, as Foreman prints it: {@code HH:MM:SS name | line},
 * names padded to one width, devstack's own events under the name {@code system}. Colours only when
 * asked for (a terminal without NO_COLOR). Lines are buffered and written out whenever no more
 * events are waiting, so a busy stack costs one write per batch, not one per line. A service's
 * escape sequences never reach this output but its colours, and those only with colours
 * ({@link TextCleaner#forLog}): a service under a terminal moves the cursor and redraws its lines.
 */
public final class PlainLogPrinter implements StackListener {

    static final String SYSTEM = "system";
    private static final String RESET = "\u001b[0m";
    private static final List<String> PALETTE = List.of("\u001b[36m", "\u001b[33m", "\u001b[32m", "\u001b[35m",
            "\u001b[34m", "\u001b[96m", "\u001b[93m", "\u001b[92m", "\u001b[95m", "\u001b[94m");
    private static final String SYSTEM_COLOUR = "\u001b[1m";

    private final BufferedWriter out;
    private final boolean colour;
    private final int width;
    private final Map<String, String> colours = new HashMap<>();
    private final DateTimeFormatter time;

    public PlainLogPrinter(OutputStream out, List<String> services, boolean colour, ZoneId zone) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.colour = colour;
        this.width = Math.max(SYSTEM.length(), services.stream().mapToInt(String::length).max().orElse(0));
        for (int i = 0; i < services.size(); i++) {
            colours.put(services.get(i), PALETTE.get(i % PALETTE.size()));
        }
        colours.put(SYSTEM, SYSTEM_COLOUR);
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    @Override
    public void on(StackEvent event) {
        if (event instanceof StackEvent.Output output) {
            print(event, output.service(), TextCleaner.forLog(output.line(), colour));
        } else if (event instanceof StackEvent.StateChanged change) {
            print(event, SYSTEM, change.service() + ": " + describe(change.state(), change.detail()));
        } else if (event instanceof StackEvent.Notice notice) {
            print(event, SYSTEM, notice.service().isEmpty() ? notice.message() : notice.service() + ": " + notice.message());
        }
    }

    /** A service's new state as the stack's output says it ("stopped by devstack (SIGTERM)"); `down` reports with it too. */
    public static String describe(ServiceState state, ServiceDetail typed) {
        String detail = DetailText.of(typed);
        return switch (state) {
            case RUNNING -> "running, " + detail;
            case STOPPED -> detail;
            case EXITED, CRASHED -> state.word() + " (" + detail + ")";
            default -> state.word() + (typed instanceof ServiceDetail.None ? "" : ": " + detail);
        };
    }

    private void print(StackEvent event, String name, String line) {
        StringBuilder text = new StringBuilder(width + line.length() + 24);
        text.append(time.format(event.at())).append(' ');
        if (colour) {
            // a unit a reload added takes the next colour of the palette
            text.append(colours.computeIfAbsent(name, added -> PALETTE.get((colours.size() - 1) % PALETTE.size())))
                    .append(pad(name)).append(" |").append(RESET);
        } else {
            text.append(pad(name)).append(" |");
        }
        if (!line.isEmpty()) {
            text.append(' ').append(line);
        }
        text.append('\n');
        try {
            out.write(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void caughtUp() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String pad(String name) {
        return name.length() >= width ? name : name + " ".repeat(width - name.length());
    }
}
