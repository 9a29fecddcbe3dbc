package dev.devstack.app.init;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Foreman Procfile: each `name: command` line a service. As Foreman (and devstack without a
 * ports.yaml) does, `PORT=N` in .env makes N + 100·i the preferred port of the i-th process; in
 * ports.yaml that becomes each service's `port:`, since devstack ignores PORT in the env file.
 * The other variables of .env need nothing: ports.yaml reads .env beside it by default
 * ({@link ProjectInit} says so).
 */
final class ProcfileSource implements InitSource {

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_-]+)\\s*:\\s*(.*\\S)\\s*");
    private static final Pattern PORT = Pattern.compile("\\s*(?:export\\s+)?PORT\\s*=\\s*[\"']?(\\d{4,5})[\"']?\\s*(?:#.*)?");
    private static final int FOREMAN_PORT_STEP = 100;

    @Override
    public Role role() {
        return Role.PROCESSES;
    }

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        Optional<String> procfile = files.text("Procfile");
        if (procfile.isEmpty()) {
            return Optional.empty();
        }
        SourceScan.Builder scan = new SourceScan.Builder().read("Procfile");
        Optional<Integer> base = files.text(".env").flatMap(env -> basePort(env, scan));
        List<String> lines = procfile.get().lines().toList();
        int index = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String origin = "Procfile:" + (i + 1);
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                scan.leftOut(origin, "not a `name: command` line; left out");
                continue;
            }
            String name = ServiceNames.of(matcher.group(1), "process");
            ServiceDraft service = ServiceDraft.of(name, origin, matcher.group(2));
            String why = "process " + matcher.group(1) + (name.equals(matcher.group(1)) ? "" : " → " + name);
            int port = base.orElse(0) + FOREMAN_PORT_STEP * index;
            if (base.isPresent() && port <= 65535) {
                service = service.withPorts(List.of(port)).withNote("port " + port + ": Foreman's PORT=" + base.get()
                        + " of .env, plus 100 for each process before it");
                why += ", port " + port + " (PORT=" + base.get() + " in .env)";
            }
            scan.service(service, why);
            index++;
        }
        return Optional.of(scan.build());
    }

    private static Optional<Integer> basePort(String env, SourceScan.Builder scan) {
        List<String> lines = env.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = PORT.matcher(lines.get(i));
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) <= 65535) {
                scan.read(".env");
                scan.found(".env:" + (i + 1), "PORT=" + matcher.group(1) + " is Foreman's first port: the services'"
                        + " preferred ports start there (devstack itself ignores PORT in .env)");
                return Optional.of(Integer.parseInt(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
