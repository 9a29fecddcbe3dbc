package dev.devstack.store.etcd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA of the test's own, and a server certificate for 127.0.0.1 and a client certificate it
 * signed, made with openssl in a folder of the test's: what a team gives etcd and its users.
 */
public record TestCertificates(Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

    public static TestCertificates make(Path folder) {
        TestCertificates made = new TestCertificates(folder.resolve("ca.crt"), folder.resolve("server.crt"),
                folder.resolve("server.key"), folder.resolve("client.crt"), folder.resolve("client.key"));
        Path caKey = folder.resolve("ca.key");
        openssl(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", caKey.toString(), "-out", made.ca.toString(), "-days", "2", "-subj", "/CN=devstack test CA");
        made.sign(folder, "server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n",
                made.serverKey, made.serverCert, caKey);
        made.sign(folder, "client", "/CN=dev", "extendedKeyUsage=clientAuth\n", made.clientKey, made.clientCert, caKey);
        return made;
    }

    private void sign(Path folder, String name, String subject, String extensions, Path key, Path cert, Path caKey) {
        Path request = folder.resolve(name + ".csr");
        Path ext = folder.resolve(name + ".ext");
        try {
            Files.writeString(ext, extensions, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(folder, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", request.toString(), "-subj", subject);
        openssl(folder, "x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
    }

    private static void openssl(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Path log = folder.resolve("openssl.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl did not finish in 30 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("openssl failed: " + command + "\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
