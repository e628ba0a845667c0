package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.TlsListenerTest.connect;
import static io.culex.bootstrap.e2e.TlsListenerTest.trusting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.adapters.netty.TlsReloadSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates and keys reloaded while the broker runs (mosquitto#2038): on request (SIGHUP) and when the
 * files change, without dropping the connections already open. The listener starts with a server certificate
 * from one CA; the files are then replaced (by rename, as certbot and Kubernetes do) with one from another CA.
 */
class TlsReloadTest {

    @TempDir
    static Path pkiDir;
    private static TestCertificates pki;

    @TempDir
    Path live;
    private Path certFile;
    private Path keyFile;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = TestCertificates.create(pkiDir);
    }

    @BeforeEach
    void installFirstCertificate() throws IOException {
        certFile = live.resolve("server.crt");
        keyFile = live.resolve("server.key");
        Files.copy(pki.serverCert, certFile);
        Files.copy(pki.serverKey, keyFile);
    }

    private RunningBroker start() {
        return RunningBroker.start("certfile " + certFile, "keyfile " + keyFile);
    }

    @Test
    void reloadTlsServesTheNewCertificateToNewClientsAndKeepsTheOpenConnection() throws Exception {
        try (RunningBroker broker = start()) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            MqttClient first = connect(uri, "reload-first", trusting(pki.caCert));
            try {
                BlockingQueue<String> firstReceived = subscribe(first, "reload/to-first");

                replace(certFile, pki.otherServerCert);
                replace(keyFile, pki.otherServerKey);
                TlsReloadSummary summary = broker.broker().transport().reloadTls();
                assertEquals(new TlsReloadSummary(1, java.util.List.of()), summary);

                assertServesOnlyTheNewCertificate(uri, first, firstReceived, "direct");
            } finally {
                closeQuietly(first);
            }
        }
    }

    @Test
    void sighupReloadCoversTheTlsFiles() throws Exception {
        try (RunningBroker broker = start()) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            MqttClient first = connect(uri, "sighup-first", trusting(pki.caCert));
            try {
                BlockingQueue<String> firstReceived = subscribe(first, "reload/to-first");
                replace(certFile, pki.otherServerCert);
                replace(keyFile, pki.otherServerKey);

                broker.broker().reload(); // what the SIGHUP handler runs

                assertServesOnlyTheNewCertificate(uri, first, firstReceived, "sighup");
            } finally {
                closeQuietly(first);
            }
        }
    }

    @Test
    void theFileWatcherReloadsChangedFiles() throws Exception {
        try (RawLogCapture log = RawLogCapture.of("io.culex.transport");
             RunningBroker broker = start()) {
            broker.broker().transport().watchTlsFiles(Duration.ofMillis(100));
            String uri = "ssl://127.0.0.1:" + broker.port();
            MqttClient first = connect(uri, "watch-first", trusting(pki.caCert));
            try {
                BlockingQueue<String> firstReceived = subscribe(first, "reload/to-first");
                replace(certFile, pki.otherServerCert);
                replace(keyFile, pki.otherServerKey);

                log.await(line -> line.contains("Reloaded TLS certificate") && line.contains(certFile.toString()),
                        Duration.ofSeconds(15));

                assertServesOnlyTheNewCertificate(uri, first, firstReceived, "watcher");
            } finally {
                closeQuietly(first);
            }
        }
    }

    @Test
    void unusableFilesKeepThePreviousCertificateAndAreLogged() throws Exception {
        try (RawLogCapture log = RawLogCapture.of("io.culex.transport");
             RunningBroker broker = start()) {
            String uri = "ssl://127.0.0.1:" + broker.port();
            MqttClient first = connect(uri, "broken-first", trusting(pki.caCert));
            try {
                BlockingQueue<String> firstReceived = subscribe(first, "reload/to-first");

                // A garbage key: refused, named, and the certificate from the first CA stays.
                replaceWithText(keyFile, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
                TlsReloadSummary garbage = broker.broker().transport().reloadTls();
                assertEquals(0, garbage.reloaded());
                assertEquals(1, garbage.failures().size(), garbage.toString());
                assertTrue(garbage.failures().get(0).contains("keyfile " + keyFile), garbage.toString());
                log.await(line -> line.contains("unable to reload") && line.contains("keyfile " + keyFile),
                        Duration.ofSeconds(5));

                // A new certificate whose key has not been replaced yet: refused too, not served half-updated.
                replace(keyFile, pki.serverKey);
                replace(certFile, pki.otherServerCert);
                TlsReloadSummary mismatch = broker.broker().transport().reloadTls();
                assertEquals(1, mismatch.failures().size(), mismatch.toString());
                assertTrue(mismatch.failures().get(0).contains("does not match"), mismatch.toString());

                // The watcher logs the same error for a broken file it notices.
                broker.broker().transport().watchTlsFiles(Duration.ofMillis(100));
                replaceWithText(keyFile, "not PEM at all\n");
                log.await(line -> line.contains("unable to reload") && line.contains("keyfile " + keyFile)
                        && line.contains("no PEM private key"), Duration.ofSeconds(15));

                MqttClient another = connect(uri, "broken-second", trusting(pki.caCert));
                try {
                    BlockingQueue<String> anotherReceived = subscribe(another, "reload/to-another");
                    exchange(first, firstReceived, another, anotherReceived, "broken");
                } finally {
                    closeQuietly(another);
                }
                assertThrows(MqttException.class, () -> connect(uri, "broken-other-ca", trusting(pki.otherCaCert)));
            } finally {
                closeQuietly(first);
            }
        }
    }

    /** New clients get the certificate from the other CA only; the first connection still carries messages. */
    private static void assertServesOnlyTheNewCertificate(String uri, MqttClient first,
                                                          BlockingQueue<String> firstReceived, String name)
            throws Exception {
        MqttClient second = connect(uri, name + "-second", trusting(pki.otherCaCert));
        try {
            BlockingQueue<String> secondReceived = subscribe(second, "reload/to-another");
            MqttException refused = assertThrows(MqttException.class,
                    () -> connect(uri, name + "-old-ca", trusting(pki.caCert)));
            assertTrue(String.valueOf(refused.getCause()).contains("SSL")
                    || String.valueOf(refused.getCause()).contains("PKIX"), String.valueOf(refused.getCause()));
            assertTrue(first.isConnected(), "the connection opened before the reload was dropped");
            exchange(first, firstReceived, second, secondReceived, name);
        } finally {
            closeQuietly(second);
        }
    }

    /** Each client publishes to the other: both connections carry messages both ways. */
    private static void exchange(MqttClient first, BlockingQueue<String> firstReceived, MqttClient another,
                                 BlockingQueue<String> anotherReceived, String name) throws Exception {
        another.publish("reload/to-first", (name + " to first").getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals(name + " to first", firstReceived.poll(10, TimeUnit.SECONDS));
        first.publish("reload/to-another", (name + " from first").getBytes(StandardCharsets.UTF_8), 1, false);
        assertEquals(name + " from first", anotherReceived.poll(10, TimeUnit.SECONDS));
    }

    private static BlockingQueue<String> subscribe(MqttClient client, String topic) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.subscribe(topic, 1, (t, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        return received;
    }

    /** As certbot and Kubernetes replace files: written aside, then renamed over the old one. */
    private static void replace(Path target, Path source) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void replaceWithText(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.writeString(temporary, text);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeQuietly(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            // the test's outcome is decided already
        }
    }
}
