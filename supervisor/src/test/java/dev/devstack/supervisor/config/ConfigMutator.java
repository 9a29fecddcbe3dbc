package dev.devstack.supervisor.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Damages a configuration file the ways files get damaged, and the ways a hostile one is made:
 * flipped bytes, cuts, copies, deep nesting, long lines, bytes that are not UTF-8, control
 * characters, huge numbers, anchors and aliases. All randomness comes from the {@link Random}
 * given, so a seed replays a run exactly.
 */
final class ConfigMutator {

    /** Fragments that mean something to YAML, the Procfile or .env readers, or to the validation after them. */
    private static final List<String> TOKENS = List.of("---\n", "...\n", "%YAML 1.1\n", "%YAML 1.99999999999\n",
            "%TAG ! tag:x,2000:\n", "&a ", "&b ", "*a", "*b", "*undefined", "<<: *a\n", "<<: [*a, *b]\n", "<<: ", "? ",
            "- ", ": ", ":", ",", "[", "]", "{", "}", "\"", "'", "|\n", ">-\n", "#", "!!int ", "!!binary ", "!!str ",
            "!custom ", "\t", "\r", "\r\n", "\n", "\n  ", "\uFEFF", "\u0085", "\u2028", "\u202E", "\\u0000",
            "\"\\0\"", "\"\\uD800\"", "\"\\e[2J\"", "${", "$${", "${a.port}", "${env.HOME}", "${x.ports.y}",
            "99999999999999999999999", "-1", "0", "65536", "1e999", ".nan", "0x7fffffff", "1_000", "yes", "~",
            "null", "x-", "services:", "command: ", "port: ", "ports: ", "depends_on: ", "env_file: ",
            "env_file: /dev/zero", "cwd: ", "ready: ", "health: ", "scale: ", "export ", "PORT=", "=", "web: ",
            "../../..", "\u00e9", "\ud83d\ude00", "\u0000", "\u0007", "\u001b[31m", "\u007f");
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                    (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80});

    private final Random random;

    ConfigMutator(Random random) {
        this.random = random;
    }

    /** {@code seed} with one to four damages applied. */
    byte[] mutate(byte[] seed) {
        byte[] bytes = seed;
        int damages = 1 + random.nextInt(4);
        for (int i = 0; i < damages; i++) {
            bytes = damage(bytes);
        }
        return bytes;
    }

    private byte[] damage(byte[] bytes) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
        return switch (random.nextInt(14)) {
            case 0 -> flip(bytes);
            case 1 -> cut(bytes, at, at + random.nextInt(Math.max(1, Math.min(64, bytes.length - at + 1))));
            case 2 -> cut(bytes, at, bytes.length);
            case 3 -> repeatSlice(bytes, at);
            case 4, 5 -> insert(bytes, at, text(TOKENS.get(random.nextInt(TOKENS.size()))));
            case 6 -> insert(bytes, at, NOT_UTF8.get(random.nextInt(NOT_UTF8.size())));
            case 7 -> insert(bytes, at, nesting());
            case 8 -> insert(bytes, at, text(List.of("x", "a ", "${a.", "\\\"", "[a,", "- ").get(random.nextInt(6))
                    .repeat(1 + random.nextInt(random.nextInt(8) == 0 ? 300_000 : 2_000))));
            case 9 -> insert(bytes, at, new byte[] {(byte) random.nextInt(32)});
            case 10 -> insert(bytes, at, text(random.nextBoolean() ? "9".repeat(1 + random.nextInt(400)) : "-0"));
            case 11 -> insert(bytes, at, text(random.nextBoolean() ? "&a" + random.nextInt(3) + " " : "*a"
                    + random.nextInt(3)));
            case 12 -> insert(bytes, bytes.length, text(aliasBomb()));
            default -> repeatLine(bytes, at);
        };
    }

    private byte[] flip(byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
        return copy;
    }

    private byte[] nesting() {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 3_000 : 150);
        return switch (random.nextInt(3)) {
            case 0 -> text("[".repeat(depth) + "]".repeat(random.nextInt(depth + 1)));
            case 1 -> text("{a: ".repeat(depth) + "}".repeat(random.nextInt(depth + 1)));
            default -> {
                StringBuilder block = new StringBuilder("\n");
                for (int level = 0; level < Math.min(depth, 400); level++) {
                    block.append(" ".repeat(level)).append(random.nextBoolean() ? "- " : "k:").append('\n');
                }
                yield text(block.toString());
            }
        };
    }

    private String aliasBomb() {
        int width = 2 + random.nextInt(9);
        int levels = 2 + random.nextInt(9);
        StringBuilder bomb = new StringBuilder("\nx-b0: &b0 [lol]\n");
        for (int level = 1; level <= levels; level++) {
            bomb.append("x-b").append(level).append(": &b").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(width, "*b" + (level - 1)))).append("]\n");
        }
        return bomb.toString();
    }

    private byte[] repeatSlice(byte[] bytes, int at) {
        int length = Math.min(bytes.length - at, 1 + random.nextInt(200));
        if (length <= 0) {
            return bytes;
        }
        byte[] slice = Arrays.copyOfRange(bytes, at, at + length);
        ByteArrayOutputStream copies = new ByteArrayOutputStream();
        int times = 1 + random.nextInt(random.nextInt(4) == 0 ? 3_000 : 3);
        for (int i = 0; i < times && copies.size() < 600_000; i++) {
            copies.writeBytes(slice);
        }
        return insert(bytes, at, copies.toByteArray());
    }

    private byte[] repeatLine(byte[] bytes, int at) {
        int start = at;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        int end = at;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        byte[] line = Arrays.copyOfRange(bytes, start, Math.min(bytes.length, end + 1));
        ByteArrayOutputStream copies = new ByteArrayOutputStream();
        int times = 1 + random.nextInt(random.nextInt(4) == 0 ? 5_000 : 4);
        for (int i = 0; i < times && copies.size() < 600_000; i++) {
            copies.writeBytes(line);
        }
        return insert(bytes, start, copies.toByteArray());
    }

    private static byte[] cut(byte[] bytes, int from, int to) {
        int end = Math.min(to, bytes.length);
        if (from >= end) {
            return bytes;
        }
        byte[] out = new byte[bytes.length - (end - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, end, out, from, bytes.length - end);
        return out;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
