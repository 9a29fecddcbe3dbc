package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of damaged copies of the configurations in this repository (the examples and every
 * YAML block of the docs) go through loading and validation; each must load, or be refused with
 * problems that name file and line, within a second of CPU time. The seed is fixed, so a run is
 * the same everywhere ({@code -Ddevstack.fuzz.seed=N -Ddevstack.fuzz.tries=N} explore further on
 * a developer's machine). A failure is shrunk to a small input and saved under
 * {@code target/config-fuzz/}; keep it in {@code src/test/resources/config-corpus/}, where
 * {@link ConfigCorpusTest} replays it for good.
 */
class ConfigFuzzIT {

    private static final long SEED = Long.getLong("devstack.fuzz.seed", 20_261_130L);
    private static final int TRIES = Integer.getInteger("devstack.fuzz.tries", 3_000);
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ENV_BLOCK = Pattern.compile("```text\\n# \\.env\\n(.*?)```", Pattern.DOTALL);

    /** A file of the repository to damage, and the file name it is loaded as. */
    record Seed(String file, byte[] bytes) {
    }

    @TempDir
    Path scratch;

    private byte[] procfile;
    private byte[] env;

    @Test
    void everyDamagedConfigurationLoadsOrIsRefusedWithLocatedProblems() throws IOException {
        List<Seed> seeds = seeds();
        procfile = read("Procfile.example");
        env = envExample();
        Random random = new Random(SEED);
        ConfigMutator mutator = new ConfigMutator(random);
        Path project = Files.createDirectory(scratch.resolve("project"));
        int loaded = 0;
        for (int run = 0; run < TRIES; run++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            byte[] input = mutator.mutate(seed.bytes());
            LoadOutcome outcome = load(project, seed.file(), input);
            Optional<String> violation = outcome.violation();
            if (violation.isPresent()) {
                byte[] smallest = shrink(project, seed.file(), input, violation.get());
                Path saved = save(seed.file(), smallest, violation.get(), run);
                throw new AssertionError("run " + run + " of seed " + SEED + " (" + seed.file() + "): "
                        + violation.get() + ": " + load(project, seed.file(), smallest).summary() + "; the input,"
                        + " shrunk to " + smallest.length + " bytes, is in " + saved);
            }
            loaded += outcome.loaded() ? 1 : 0;
        }
        assertThat(loaded).as("damaged files that still load: the damage is not all fatal").isPositive()
                .isLessThan(TRIES);
    }

    /** Loads {@code input} as {@code file} of a project whose other files are the undamaged examples. */
    private LoadOutcome load(Path project, String file, byte[] input) throws IOException {
        for (String name : List.of(ConfigLoader.PORTS_YAML, ConfigLoader.PROCFILE, ConfigLoader.DEFAULT_ENV_FILE)) {
            Files.deleteIfExists(project.resolve(name));
        }
        if (!file.equals(ConfigLoader.PORTS_YAML)) {
            Files.write(project.resolve(ConfigLoader.PROCFILE), procfile);
        }
        Files.write(project.resolve(ConfigLoader.DEFAULT_ENV_FILE), env);
        Files.write(project.resolve(file), input);
        return LoadOutcome.of(project);
    }

    /** The input with as much cut away as keeps the same violation: greedy halving, then smaller pieces. */
    private byte[] shrink(Path project, String file, byte[] input, String violation) throws IOException {
        byte[] smallest = input;
        int budget = violation.equals("slow") ? 30 : 3_000;
        for (int piece = smallest.length / 2; piece >= 1 && budget > 0; piece /= 2) {
            for (int at = 0; at < smallest.length && budget > 0; budget--) {
                byte[] candidate = new byte[smallest.length - Math.min(piece, smallest.length - at)];
                System.arraycopy(smallest, 0, candidate, 0, at);
                System.arraycopy(smallest, at + smallest.length - candidate.length, candidate, at,
                        candidate.length - at);
                if (load(project, file, candidate).violation().filter(violation::equals).isPresent()) {
                    smallest = candidate;
                } else {
                    at += piece;
                }
            }
        }
        return smallest;
    }

    private static Path save(String file, byte[] input, String violation, int run) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "config-fuzz"));
        String kind = violation.replaceAll("[^A-Za-z]+", "-").toLowerCase(java.util.Locale.ROOT);
        Path saved = folder.resolve(kind + "-run" + run + "." + (file.startsWith(".") ? file.substring(1) : file));
        Files.write(saved, input);
        return saved.toAbsolutePath();
    }

    private static List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>(List.of(
                new Seed(ConfigLoader.PORTS_YAML, read("ports.yaml.example")),
                new Seed(ConfigLoader.PORTS_YAML, read("examples/shop/ports.yaml")),
                new Seed(ConfigLoader.PROCFILE, read("Procfile.example")),
                new Seed(ConfigLoader.DEFAULT_ENV_FILE, envExample())));
        List<Path> documents = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        for (Path document : documents) {
            Matcher blocks = YAML_BLOCK.matcher(Files.readString(document));
            while (blocks.find()) {
                seeds.add(new Seed(ConfigLoader.PORTS_YAML, blocks.group(1).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return seeds;
    }

    /** The .env example of docs/configuration.md. */
    private static byte[] envExample() throws IOException {
        Matcher block = ENV_BLOCK.matcher(Files.readString(REPO.resolve("docs/configuration.md")));
        assertThat(block.find()).as("the .env example in docs/configuration.md").isTrue();
        return block.group(1).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(REPO.resolve(file));
    }
}
