package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PKI made with the {@code openssl} command in a test's temporary directory: no private key is
 * ever committed. A CA, a server certificate for 127.0.0.1 and localhost (subjectAltName), client
 * certificates, a second unrelated CA, and a CRL revoking one client. Server keys come in the three PEM
 * forms OpenSSL writes: PKCS#8, PKCS#1 RSA and SEC1 EC.
 */
public final class TestCertificates {

    public final Path dir;
    public final Path caCert;
    public final Path otherCaCert;
    public final Path serverCert;
    /** PKCS#8 RSA ("BEGIN PRIVATE KEY"). */
    public final Path serverKey;
    /** The same server identity with a PKCS#1 key ("BEGIN RSA PRIVATE KEY"). */
    public final Path rsaServerCert;
    public final Path rsaServerKey;
    /** An EC server identity with a SEC1 key ("BEGIN EC PRIVATE KEY", after "BEGIN EC PARAMETERS"). */
    public final Path ecServerCert;
    public final Path ecServerKey;
    /** Another server identity for 127.0.0.1 and localhost, signed by the other CA (PKCS#8 EC key). */
    public final Path otherServerCert;
    public final Path otherServerKey;
    /** Client certificate with CN culex-client, O Culex Tests. */
    public final Path clientCert;
    public final Path clientKey;
    /** Signed by the other CA. */
    public final Path strangerCert;
    public final Path strangerKey;
    /** Signed by the CA, then revoked in {@link #crl}. */
    public final Path revokedCert;
    public final Path revokedKey;
    public final Path crl;

    private TestCertificates(Path dir) {
        this.dir = dir;
        caCert = dir.resolve("ca.crt");
        otherCaCert = dir.resolve("other-ca.crt");
        serverCert = dir.resolve("server.crt");
        serverKey = dir.resolve("server.key");
        rsaServerCert = dir.resolve("server-rsa.crt");
        rsaServerKey = dir.resolve("server-rsa.key");
        ecServerCert = dir.resolve("server-ec.crt");
        ecServerKey = dir.resolve("server-ec.key");
        otherServerCert = dir.resolve("server-other.crt");
        otherServerKey = dir.resolve("server-other.key");
        clientCert = dir.resolve("client.crt");
        clientKey = dir.resolve("client.key");
        strangerCert = dir.resolve("stranger.crt");
        strangerKey = dir.resolve("stranger.key");
        revokedCert = dir.resolve("revoked.crt");
        revokedKey = dir.resolve("revoked.key");
        crl = dir.resolve("crl.pem");
    }

    /** On CI a missing openssl fails the build, so the TLS tests are never silently skipped; locally they skip. */
    public static void requireOpenssl() {
        if (onPath("openssl")) {
            return;
        }
        String message = "openssl not found on PATH; install the openssl package";
        if (System.getenv("CI") != null) {
            fail("CI is set but " + message);
        }
        Assumptions.abort(message);
    }

    public static TestCertificates create(Path dir) throws IOException {
        requireOpenssl();
        TestCertificates pki = new TestCertificates(dir);
        pki.make();
        return pki;
    }

    private void make() throws IOException {
        Files.writeString(dir.resolve("server.ext"), String.join("\n",
                "basicConstraints=CA:FALSE",
                "keyUsage=digitalSignature,keyEncipherment",
                "extendedKeyUsage=serverAuth",
                "subjectAltName=IP:127.0.0.1,DNS:localhost", ""));
        Files.writeString(dir.resolve("client.ext"), String.join("\n",
                "basicConstraints=CA:FALSE",
                "keyUsage=digitalSignature,keyEncipherment",
                "extendedKeyUsage=clientAuth", ""));
        Files.writeString(dir.resolve("ca.cnf"), String.join("\n",
                "[ca]", "default_ca = test_ca", "[test_ca]",
                "database = " + dir.resolve("index.txt"),
                "crlnumber = " + dir.resolve("crlnumber"),
                "certificate = " + caCert, "private_key = " + dir.resolve("ca.key"),
                "default_md = sha256", "default_crl_days = 1", ""));
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("crlnumber"), "01\n");

        authority("ca", "/CN=Culex Test CA");
        authority("other-ca", "/CN=Some Other CA");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "server.key");
        signed("server", "/CN=localhost", "ca", "server.ext");
        openssl("genrsa", "-traditional", "-out", "server-rsa.key", "2048");
        signed("server-rsa", "/CN=localhost", "ca", "server.ext");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "server-ec.key");
        signed("server-ec", "/CN=localhost", "ca", "server.ext");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "server-other.key");
        signed("server-other", "/CN=localhost", "other-ca", "server.ext");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "client.key");
        signed("client", "/O=Culex Tests/CN=culex-client", "ca", "client.ext");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "stranger.key");
        signed("stranger", "/CN=stranger", "other-ca", "client.ext");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "revoked.key");
        signed("revoked", "/CN=revoked-client", "ca", "client.ext");
        openssl("ca", "-config", "ca.cnf", "-revoke", "revoked.crt");
        openssl("ca", "-config", "ca.cnf", "-gencrl", "-out", "crl.pem");
        requireHeader(serverKey, "-----BEGIN PRIVATE KEY-----");
        requireHeader(rsaServerKey, "-----BEGIN RSA PRIVATE KEY-----");
        requireHeader(ecServerKey, "-----BEGIN EC PRIVATE KEY-----");
    }

    private void authority(String name, String subject) throws IOException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".crt",
                "-days", "2", "-subj", subject,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void signed(String name, String subject, String ca, String extensions) throws IOException {
        openssl("req", "-new", "-key", name + ".key", "-subj", subject, "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial",
                "-days", "2", "-sha256", "-extfile", extensions, "-out", name + ".crt");
    }

    private static void requireHeader(Path key, String header) throws IOException {
        if (!Files.readString(key).contains(header)) {
            fail(key + " is not in the expected form " + header + ":\n" + Files.readString(key));
        }
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail(command + " failed:\n" + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }
}
