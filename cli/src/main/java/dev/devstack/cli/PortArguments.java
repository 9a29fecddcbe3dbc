package dev.devstack.cli;

import dev.devstack.supervisor.config.Durations;
import dev.devstack.supervisor.config.PortRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Ports, port lists, ranges and durations given on the command line, checked with a usage error (exit 2). */
final class PortArguments {

    private PortArguments() {
    }

    static int port(CommandLine command, String option, String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new ParameterException(command, option + " must be a port, 1-65535, not `" + text + "`");
    }

    /** "3000" or "3000,3001,3002". */
    static List<Integer> ports(CommandLine command, String option, String text) {
        List<Integer> ports = new ArrayList<>();
        for (String part : text.split(",")) {
            ports.add(port(command, option, part));
        }
        return ports;
    }

    /** "30000-30099". */
    static PortRange range(CommandLine command, String text) {
        String[] ends = text.split("-");
        if (ends.length == 2) {
            int first = port(command, "--range", ends[0]);
            int last = port(command, "--range", ends[1]);
            if (first <= last) {
                return new PortRange(first, last);
            }
        }
        throw new ParameterException(command, "--range must be FIRST-LAST with FIRST <= LAST, e.g. 30000-30099,"
                + " not `" + text + "`");
    }

    /** "90s", "10m", "2h", "500ms", or seconds. */
    static Duration duration(CommandLine command, String option, String text) {
        return Durations.parse(text).filter(d -> !d.isZero()).orElseThrow(() -> new ParameterException(command,
                option + " must be a duration such as 90s, 10m or 2h, not `" + text + "`"));
    }
}
