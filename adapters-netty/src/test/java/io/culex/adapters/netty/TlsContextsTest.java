package io.culex.adapters.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cipher and version translation, and the PEM key forms OpenSSL writes (keys made with openssl at test time). */
class TlsContextsTest {

    @Test
    void openSslCipherNamesBecomeJdkNames() throws Exception {
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
                TlsContexts.javaCipherSuites("ECDHE-RSA-AES128-GCM-SHA256:TLS_AES_128_GCM_SHA256"));
        // Without TLS 1.3 names, the JDK's TLS 1.3 suites stay on (Mosquitto sets them with ciphers_tls1.3).
        List<String> tls12Only = TlsContexts.javaCipherSuites("ECDHE-RSA-AES256-GCM-SHA384");
        assertEquals("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", tls12Only.get(0));
        assertTrue(tls12Only.contains("TLS_AES_128_GCM_SHA256"), tls12Only.toString());
        assertTrue(tls12Only.stream().skip(1).noneMatch(name -> name.contains("_WITH_")), tls12Only.toString());
    }

    @Test
    void openSslKeywordsAndUnknownNamesAreRefused() {
        IllegalArgumentException keywords = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.javaCipherSuites("HIGH:!aNULL"));
        assertTrue(keywords.getMessage().contains("[HIGH, !aNULL]"), keywords.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TlsContexts.javaCipherSuites("NO-SUCH-CIPHER"));
    }

    @Test
    void tlsVersionIsTheLowestVersionOffered() throws Exception {
        assertEquals(List.of("TLSv1.3"), TlsContexts.protocolsFrom("tlsv1.3"));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), TlsContexts.protocolsFrom("tlsv1.2"));
        assertTrue(TlsContexts.protocolsFrom("tlsv1.1").containsAll(List.of("TLSv1.3", "TLSv1.2")));
        assertThrows(IllegalArgumentException.class, () -> TlsContexts.protocolsFrom("tlsv1"));
    }

    @Test
    void rsaKeysInPkcs8AndPkcs1FormAreTheSameKey(@TempDir Path dir) throws Exception {
        openssl(dir, "genrsa", "-traditional", "-out", "rsa1.pem", "2048");
        assertTrue(Files.readString(dir.resolve("rsa1.pem")).contains("BEGIN RSA PRIVATE KEY"));
        openssl(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "rsa1.pem", "-out", "rsa8.pem");

        RSAPrivateCrtKey fromPkcs1 = (RSAPrivateCrtKey) PemFiles.privateKey(dir.resolve("rsa1.pem"));
        RSAPrivateCrtKey fromPkcs8 = (RSAPrivateCrtKey) PemFiles.privateKey(dir.resolve("rsa8.pem"));
        assertEquals(fromPkcs8.getModulus(), fromPkcs1.getModulus());
        assertEquals(fromPkcs8.getPrivateExponent(), fromPkcs1.getPrivateExponent());
        assertEquals(fromPkcs8, jdkParsed(dir.resolve("rsa8.pem"), "RSA"));
    }

    @Test
    void ecKeysInSec1FormAfterEcParametersAreRead(@TempDir Path dir) throws Exception {
        for (String curve : List.of("prime256v1", "secp384r1")) {
            openssl(dir, "ecparam", "-name", curve, "-genkey", "-out", curve + ".pem");
            String pem = Files.readString(dir.resolve(curve + ".pem"));
            assertTrue(pem.indexOf("BEGIN EC PARAMETERS") < pem.indexOf("BEGIN EC PRIVATE KEY"), pem);
            openssl(dir, "pkcs8", "-topk8", "-nocrypt", "-in", curve + ".pem", "-out", curve + "-8.pem");

            ECPrivateKey sec1 = (ECPrivateKey) PemFiles.privateKey(dir.resolve(curve + ".pem"));
            ECPrivateKey pkcs8 = (ECPrivateKey) jdkParsed(dir.resolve(curve + "-8.pem"), "EC");
            assertEquals(pkcs8.getS(), sec1.getS(), curve);
            assertEquals(pkcs8.getParams().getOrder(), sec1.getParams().getOrder(), curve);
        }
    }

    @Test
    void encryptedAndMissingKeysAreExplained(@TempDir Path dir) throws Exception {
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes-128-cbc",
                "-pass", "pass:secret", "-out", "encrypted.pem");
        Exception encrypted = assertThrows(Exception.class, () -> PemFiles.privateKey(dir.resolve("encrypted.pem")));
        assertTrue(encrypted.getMessage().contains("encrypted private keys are not supported"), encrypted.getMessage());

        Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        Exception none = assertThrows(Exception.class, () -> PemFiles.privateKey(dir.resolve("empty.pem")));
        assertTrue(none.getMessage().contains("no PEM private key"), none.getMessage());
    }

    private static PrivateKey jdkParsed(Path pkcs8Pem, String algorithm) throws Exception {
        String base64 = Files.readString(pkcs8Pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Runs openssl in {@code dir}; skips locally without it, fails on CI. */
    static void openssl(Path dir, String... args) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/openssl")) || Files.isExecutable(Path.of("/bin/openssl"));
        if (!present) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI is set but openssl is not installed");
            }
            Assumptions.abort("openssl not installed");
        }
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command + " failed: " + output);
        }
    }
}
