package dev.devstack.app.http;

import dev.devstack.store.FilePermissions;
import dev.devstack.store.IoReason;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The user's token for the HTTP API's actions: 32 random bytes as hex in {@code $DEVSTACK_HOME/api-token}
 * (0600, folder 0700), made on first use and the same for every stack of the user, sent as
 * {@code Authorization: Bearer <token>}. Only someone who can read the user's files can act.
 */
public final class ApiToken {

    static final String FILE = "api-token";
    private static final int BYTES = 32;

    private final Path file;
    private final byte[] token;

    private ApiToken(Path file, String token) {
        this.file = file;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** The token of {@code home}, made now if there is none (or it is damaged). */
    public static ApiToken of(Path home) {
        Path file = home.resolve(FILE);
        try {
            FilePermissions.createPrivateDirectory(home);
            Optional<String> existing = read(file);
            if (existing.isPresent()) {
                return new ApiToken(file, existing.get());
            }
            return new ApiToken(file, create(file));
        } catch (IOException e) {
            throw DevstackException.state("cannot read or write the API token " + file + " (" + IoReason.of(e)
                    + "); check that " + home + " is yours and writable", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Whether an {@code Authorization} header carries this token; compared in constant time. */
    public boolean accepts(Optional<String> authorization) {
        String prefix = "Bearer ";
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] offered = authorization.get().substring(prefix.length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(offered, token);
    }

    /**
     * HMAC-SHA256 of {@code message} keyed by the token: what the web page's one-time code and cookie
     * carry instead of the token itself ({@link WebPass}).
     */
    byte[] sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256, which every Java 17 has", e);
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        return valid(text) ? Optional.of(text) : Optional.empty();
    }

    private static boolean valid(String text) {
        return text.length() == BYTES * 2 && text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /**
     * Writes a new token beside the file and links it into place, which fails if another devstack
     * got there first: then its token is everyone's. A damaged file is replaced.
     */
    private static String create(Path file) throws IOException {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Path next = file.resolveSibling(FILE + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(next);
        try (FileChannel channel = FilePermissions.openPrivate(next, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        try {
            if (Files.exists(file) && read(file).isEmpty()) {
                Files.delete(file);
            }
            Files.createLink(file, next);
            return token;
        } catch (FileAlreadyExistsException raced) {
            return read(file).orElseThrow(() -> raced);
        } finally {
            Files.deleteIfExists(next);
        }
    }
}
