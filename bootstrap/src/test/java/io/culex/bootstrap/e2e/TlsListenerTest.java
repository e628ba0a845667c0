package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.TransportException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS listeners ({@code certfile}, {@code keyfile}, {@code cafile}, {@code require_certificate}, {@code crlfile},
 * {@code use_identity_as_username}, ...) driven by Debian's mosquitto_pub/mosquitto_sub and by Paho, with
 * certificates made by openssl at test time.
 */
class TlsListenerTest {

    @TempDir
    static Path pkiDir;
    private static TestCertificates pki;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestCertificates.create(pkiDir);
    }

    private static String[] serverTls(Path cert, Path key, String... more) {
        List<String> lines = new java.util.ArrayList<>(List.of("certfile " + cert, "keyfile " + key));
        lines.addAll(List.of(more));
        return lines.toArray(String[]::new);
    }

    @ParameterizedTest(name = "server key {0}")
    @ValueSource(strings = {"PKCS#8", "PKCS#1 RSA", "SEC1 EC"})
    void mosquittoClientsPublishAndSubscribeOverTls(String keyForm) {
        MosquittoTools.requireInstalled();
        Path cert = switch (keyForm) {
            case "PKCS#8" -> pki.serverCert;
            case "PKCS#1 RSA" -> pki.rsaServerCert;
            default -> pki.ecServerCert;
        };
        Path key = switch (keyForm) {
            case "PKCS#8" -> pki.serverKey;
            case "PKCS#1 RSA" -> pki.rsaServerKey;
            default -> pki.ecServerKey;
        };
        try (RunningBroker broker = RunningBroker.start(serverTls(cert, key));
             MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "--cafile", pki.caCert.toString(),
                     "-t", "tls/test", "-C", "1", "-W", "20", "-v").awaitSubscribed()) {
            MosquittoTools.pub(broker.port(), List.of(), "--cafile", pki.caCert.toString(),
                    "-t", "tls/test", "-m", "over tls");
            MosquittoTools.Result result = sub.await();
            assertEquals(0, result.exitCode(), result.toString());
            assertEquals(List.of("tls/test over tls"), result.messages());
        }
    }

    @Test
    void aClientTrustingAnotherCaFailsTheHandshake() {
        MosquittoTools.requireInstalled();
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey));
             MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "--cafile", pki.otherCaCert.toString(),
                     "-t", "x", "-C", "1", "-W", "5")) {
            MosquittoTools.Result result = sub.await();
            assertNotEquals(0, result.exitCode(), result.toString());
            assertTrue(String.join("\n", result.stderr()).contains("TLS error"), result.toString());
        }
    }

    @Test
    void aPlainClientGetsNoMqttFromATlsListener() {
        MosquittoTools.requireInstalled();
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey));
             MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "-t", "x", "-C", "1", "-W", "5")) {
            assertNotEquals(0, sub.await().exitCode());
        }
    }

    @Test
    void requireCertificateAcceptsACertificateFromTheCaAndRefusesOthers() {
        MosquittoTools.requireInstalled();
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey,
                "cafile " + pki.caCert, "require_certificate true"))) {
            String ca = pki.caCert.toString();
            try (MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "--cafile", ca,
                    "--cert", pki.clientCert.toString(), "--key", pki.clientKey.toString(),
                    "-t", "mtls/#", "-C", "1", "-W", "20", "-v").awaitSubscribed()) {
                MosquittoTools.pub(broker.port(), List.of(), "--cafile", ca, "--cert", pki.clientCert.toString(),
                        "--key", pki.clientKey.toString(), "-t", "mtls/ok", "-m", "with certificate");
                assertEquals(List.of("mtls/ok with certificate"), sub.await().messages());
            }
            try (MosquittoTools.Client withoutCertificate = MosquittoTools.sub(broker.port(), "--cafile", ca,
                    "-t", "x", "-C", "1", "-W", "5")) {
                MosquittoTools.Result result = withoutCertificate.await();
                assertNotEquals(0, result.exitCode(), result.toString());
            }
            try (MosquittoTools.Client stranger = MosquittoTools.sub(broker.port(), "--cafile", ca,
                    "--cert", pki.strangerCert.toString(), "--key", pki.strangerKey.toString(),
                    "-t", "x", "-C", "1", "-W", "5")) {
                MosquittoTools.Result result = stranger.await();
                assertNotEquals(0, result.exitCode(), result.toString());
            }
        }
    }

    @Test
    void capathTrustsTheCertificatesInTheDirectory() throws Exception {
        MosquittoTools.requireInstalled();
        Path cas = Files.createDirectories(pkiDir.resolve("capath"));
        Files.copy(pki.otherCaCert, cas.resolve("0-other.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.caCert, cas.resolve("1-ours.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String ca = pki.caCert.toString();
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey,
                "capath " + cas, "require_certificate true"));
             MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "--cafile", ca,
                     "--cert", pki.strangerCert.toString(), "--key", pki.strangerKey.toString(),
                     "-t", "capath/#", "-C", "1", "-W", "20", "-v").awaitSubscribed()) {
            MosquittoTools.pub(broker.port(), List.of(), "--cafile", ca, "--cert", pki.clientCert.toString(),
                    "--key", pki.clientKey.toString(), "-t", "capath/ok", "-m", "both CAs");
            assertEquals(List.of("capath/ok both CAs"), sub.await().messages());
        }
    }

    @Test
    void crlfileRefusesARevokedClientCertificate() {
        MosquittoTools.requireInstalled();
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey,
                "cafile " + pki.caCert, "require_certificate true", "crlfile " + pki.crl))) {
            String ca = pki.caCert.toString();
            try (MosquittoTools.Client revoked = MosquittoTools.sub(broker.port(), "--cafile", ca,
                    "--cert", pki.revokedCert.toString(), "--key", pki.revokedKey.toString(),
                    "-t", "x", "-C", "1", "-W", "5")) {
                MosquittoTools.Result result = revoked.await();
                assertNotEquals(0, result.exitCode(), result.toString());
            }
            try (MosquittoTools.Client good = MosquittoTools.sub(broker.port(), "--cafile", ca,
                    "--cert", pki.clientCert.toString(), "--key", pki.clientKey.toString(),
                    "-t", "crl/#", "-C", "1", "-W", "20", "-v").awaitSubscribed()) {
                MosquittoTools.pub(broker.port(), List.of(), "--cafile", ca, "--cert", pki.clientCert.toString(),
                        "--key", pki.clientKey.toString(), "-t", "crl/ok", "-m", "not revoked");
                assertEquals(List.of("crl/ok not revoked"), good.await().messages());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"use_identity_as_username true|culex-client",
            "use_subject_as_username true|CN=culex-client,O=Culex Tests"})
    void theCertificateReplacesTheUsernameOfTheConnect(String optionAndUsername) throws Exception {
        MosquittoTools.requireInstalled();
        String option = optionAndUsername.split("\\|")[0];
        String username = optionAndUsername.split("\\|")[1];
        String ca = pki.caCert.toString();
        try (RawLogCapture log = RawLogCapture.of("io.culex.connection");
             RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey,
                     "cafile " + ca, "require_certificate true", option));
             MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "--cafile", ca,
                     "--cert", pki.clientCert.toString(), "--key", pki.clientKey.toString(),
                     "-u", "claimed-name", "-P", "secret", "-i", "cert-user",
                     "-t", "id/#", "-C", "1", "-W", "20", "-v").awaitSubscribed()) {
            log.await(line -> line.contains("as cert-user (") && line.contains("u'" + username + "'"),
                    java.time.Duration.ofSeconds(10));
            MosquittoTools.pub(broker.port(), List.of(), "--cafile", ca, "--cert", pki.clientCert.toString(),
                    "--key", pki.clientKey.toString(), "-t", "id/ok", "-m", "identified");
            assertEquals(List.of("id/ok identified"), sub.await().messages());
        }
    }

    @Test
    void aCertificateIdentifiedClientNeedsNoPasswordEvenWithAPasswordFile() throws Exception {
        MosquittoTools.requireInstalled();
        String ca = pki.caCert.toString();
        Path passwords = Files.createTempFile("culex-tls-passwd", ".txt");
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey,
                     "cafile " + ca, "require_certificate true", "use_identity_as_username true",
                     "password_file " + passwords, "allow_anonymous false"));
             MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "--cafile", ca,
                     "--cert", pki.clientCert.toString(), "--key", pki.clientKey.toString(),
                     "-t", "cert/#", "-C", "1", "-W", "20", "-v").awaitSubscribed()) {
            MosquittoTools.pub(broker.port(), List.of(), "--cafile", ca, "--cert", pki.clientCert.toString(),
                    "--key", pki.clientKey.toString(), "-t", "cert/ok", "-m", "no password needed");
            assertEquals(List.of("cert/ok no password needed"), sub.await().messages());
        } finally {
            Files.deleteIfExists(passwords);
        }
    }

    @Test
    void useIdentityAsUsernameRefusesAClientWithoutCertificate() {
        MosquittoTools.requireInstalled();
        String ca = pki.caCert.toString();
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey,
                "cafile " + ca, "use_identity_as_username true"));
             MosquittoTools.Client sub = MosquittoTools.sub(broker.port(), "--cafile", ca, "-u", "someone",
                     "-t", "x", "-C", "1", "-W", "5")) {
            MosquittoTools.Result result = sub.await();
            assertNotEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stdout().contains("Client (null) received CONNACK (4)")
                    || String.join("\n", result.stderr()).contains("bad user name or password"), result.toString());
        }
    }

    @Test
    void pahoConnectsOverSslWithTheTestCa() throws Exception {
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey))) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            MqttClient subscriber = connect(uri, "paho-tls-sub", trusting(pki.caCert));
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            subscriber.subscribe("paho/tls", 1, (topic, message) ->
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            MqttClient publisher = connect(uri, "paho-tls-pub", trusting(pki.caCert));
            publisher.publish("paho/tls", "secured".getBytes(StandardCharsets.UTF_8), 1, false);
            assertEquals("secured", received.poll(10, TimeUnit.SECONDS));
            publisher.disconnect();
            subscriber.disconnect();
            publisher.close();
            subscriber.close();

            MqttException refused = assertThrows(MqttException.class,
                    () -> connect(uri, "paho-wrong-ca", trusting(pki.otherCaCert)));
            assertTrue(String.valueOf(refused.getCause()).contains("SSL")
                    || String.valueOf(refused.getCause()).contains("PKIX"), String.valueOf(refused.getCause()));
        }
    }

    @Test
    void tlsVersionAndCiphersLimitWhatIsNegotiated() {
        MosquittoTools.requireInstalled();
        String ca = pki.caCert.toString();
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey, "tls_version tlsv1.3"))) {
            try (MosquittoTools.Client old = MosquittoTools.sub(broker.port(), "--cafile", ca, "--tls-version", "tlsv1.2",
                    "-t", "x", "-C", "1", "-W", "5")) {
                MosquittoTools.Result result = old.await();
                assertNotEquals(0, result.exitCode(), result.toString());
            }
            try (MosquittoTools.Client current = MosquittoTools.sub(broker.port(), "--cafile", ca,
                    "--tls-version", "tlsv1.3", "-t", "v/#", "-C", "1", "-W", "20", "-v").awaitSubscribed()) {
                MosquittoTools.pub(broker.port(), List.of(), "--cafile", ca, "-t", "v/1", "-m", "tls 1.3");
                assertEquals(List.of("v/1 tls 1.3"), current.await().messages());
            }
        }
        try (RunningBroker broker = RunningBroker.start(serverTls(pki.serverCert, pki.serverKey,
                "tls_version tlsv1.2", "ciphers ECDHE-RSA-AES256-GCM-SHA384"))) {
            try (MosquittoTools.Client other = MosquittoTools.sub(broker.port(), "--cafile", ca, "--tls-version",
                    "tlsv1.2", "--ciphers", "ECDHE-RSA-AES128-GCM-SHA256", "-t", "x", "-C", "1", "-W", "5")) {
                MosquittoTools.Result result = other.await();
                assertNotEquals(0, result.exitCode(), result.toString());
            }
            try (MosquittoTools.Client same = MosquittoTools.sub(broker.port(), "--cafile", ca, "--tls-version",
                    "tlsv1.2", "--ciphers", "ECDHE-RSA-AES256-GCM-SHA384", "-t", "c/#", "-C", "1", "-W", "20", "-v")
                    .awaitSubscribed()) {
                MosquittoTools.pub(broker.port(), List.of(), "--cafile", ca, "-t", "c/1", "-m", "cipher");
                assertEquals(List.of("c/1 cipher"), same.await().messages());
            }
        }
    }

    @Test
    void anOpenSslCipherKeywordStopsTheBroker() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> RunningBroker.start(serverTls(pki.serverCert, pki.serverKey, "ciphers HIGH:!aNULL")));
        assertTrue(failure.getMessage().contains("ciphers: cannot use [HIGH, !aNULL]"), failure.getMessage());
    }

    @Test
    void aMissingKeyFileStopsTheBrokerWithTheFileNamed() {
        Path missing = pkiDir.resolve("no-such.key");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> RunningBroker.start(serverTls(pki.serverCert, missing)));
        assertTrue(failure.getCause() instanceof TransportException, String.valueOf(failure.getCause()));
        assertTrue(failure.getMessage().contains("keyfile " + missing + ": no such file"), failure.getMessage());
    }

    @Test
    void aKeyThatIsNotAKeyIsRefusedAtStartUp() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> RunningBroker.start(serverTls(pki.serverCert, pki.caCert)));
        assertTrue(failure.getMessage().contains("no PEM private key"), failure.getMessage());
    }

    static MqttClient connect(String uri, String clientId, SSLSocketFactory factory) throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(10);
        options.setSocketFactory(factory);
        client.connect(options);
        return client;
    }

    /** An SSLSocketFactory trusting only the CA certificate in {@code caFile}. */
    static SSLSocketFactory trusting(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
