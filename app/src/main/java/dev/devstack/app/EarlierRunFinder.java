package dev.devstack.app;

import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.ProcessDetails;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.plan.EarlierRuns;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether the process listening on a service's port is an earlier run of that service by
 * this user, on one of two kinds of evidence:
 * <ul>
 *   <li>its environment says devstack started it for this service, project and instance
 *       ({@code DEVSTACK_PROJECT}, {@code DEVSTACK_SERVICE}, {@code DEVSTACK_INSTANCE}), and it
 *       works in the service's folder: a service whose devstack was killed and whose record is gone;
 *   <li>it runs the service's command, word for word (words with a variable match anything),
 *       in the service's folder: the same dev server started by hand.
 * </ul>
 * A process started through a wrapper that forks the listener (`npm run dev` → node) is recognised
 * only by the first kind.
 */
final class EarlierRunFinder implements EarlierRuns {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Machine machine;
    private final ProjectContext context;

    EarlierRunFinder(Machine machine, ProjectContext context) {
        this.machine = machine;
        this.context = context;
    }

    @Override
    public Optional<EarlierRun> find(int port, StackConfig config, String instance, ServiceSpec service) {
        String user = machine.processes.self().user();
        for (ListeningProcess holder : machine.sockets.holdersOf(port)) {
            Optional<ProcessDetails> details = holder.process().flatMap(p -> machine.processes.details(p.pid()));
            if (details.isEmpty() || !details.get().info().user().equals(user)
                    || !details.get().workingDir().map(dir -> sameFolder(dir, service.cwd())).orElse(false)) {
                continue;
            }
            ProcessInfo process = details.get().info();
            Optional<String> evidence = evidence(process.pid(), config, instance, service);
            if (evidence.isPresent()) {
                return Optional.of(new EarlierRun(port, process.pid(), process.startMillis(), process.describe(),
                        evidence.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> evidence(long pid, StackConfig config, String instance, ServiceSpec service) {
        Map<String, String> environment = machine.processes.environment(pid);
        if (service.name().equals(environment.get("DEVSTACK_SERVICE"))
                && config.project().equals(environment.get("DEVSTACK_PROJECT"))
                && instance.equals(environment.get("DEVSTACK_INSTANCE"))) {
            return Optional.of("started by devstack for `" + service.name() + "` of this project");
        }
        if (sameCommand(machine.processes.arguments(pid), service.command().source())) {
            return Optional.of("the same command in the same folder");
        }
        return Optional.empty();
    }

    private static boolean sameFolder(Path processDir, Path serviceDir) {
        try {
            return processDir.equals(serviceDir.toRealPath());
        } catch (IOException | SecurityException gone) {
            return false;
        }
    }

    /** argv against the configured command's words; argv[0] may be a path to the program named. */
    static boolean sameCommand(List<String> arguments, String command) {
        String[] words = command.strip().split("\\s+");
        if (arguments.size() != words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String argument = i == 0 ? Path.of(arguments.get(0)).getFileName().toString() : arguments.get(i);
            String word = i == 0 ? Path.of(words[0]).getFileName().toString() : words[i];
            if (!word.contains("$") && !word.equals(argument)) {
                return false;
            }
        }
        return true;
    }

    /** Called while `up` holds the registry, so it must not use the registry itself. */
    @Override
    public boolean end(EarlierRun run) {
        PortKill kill = PortKill.plan(machine, context, run.port(), List.of(), false);
        boolean same = kill.targets().stream().anyMatch(t -> t.refusal().isEmpty() && t.holder().process()
                .map(p -> p.info().pid() == run.pid() && p.info().startMillis() == run.startMillis()).orElse(false));
        return same && kill.execute(Signal.TERM, GRACE).stream().allMatch(KillOutcome::killed);
    }
}
