package io.culex.bootstrap.tools.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.TestCertificates;
import io.culex.bootstrap.tools.Tool;
import io.culex.bootstrap.tools.Tools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** culex pub / sub over a Culex TLS listener, with certificates made by openssl at test time. */
class ToolsTlsTest {

    @TempDir
    static Path pkiDir;
    private static TestCertificates pki;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestCertificates.requireOpenssl();
        pki = TestCertificates.create(pkiDir);
    }

    private static Tool tool(String name) {
        return Tools.named(name).orElseThrow();
    }

    private static InProcessBroker tlsBroker(String... more) {
        String[] lines = new String[more.length + 3];
        lines[0] = "allow_anonymous true";
        lines[1] = "certfile " + pki.serverCert;
        lines[2] = "keyfile " + pki.serverKey;
        System.arraycopy(more, 0, lines, 3, more.length);
        return InProcessBroker.start(lines);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** sub -C 1 then pub with the same TLS flags; the message arrives. */
    private static void roundTrip(InProcessBroker broker, String topic, String... tls) {
        ToolRun sub = ToolRun.start(tool("sub"), concat(broker.args("-d", "-t", topic, "-C", "1", "-W", "15"), tls))
                .awaitSubscribed();
        ToolRun pub = ToolRun.run(tool("pub"), concat(broker.args("-t", topic, "-m", "over tls"), tls));
        assertEquals(0, pub.exitCode(), pub::toString);
        assertEquals(0, sub.awaitExit(), sub::toString);
        assertEquals(List.of("over tls"), sub.messages(), sub::toString);
    }

    @Test
    void roundTripWithCafile() {
        try (InProcessBroker broker = tlsBroker()) {
            roundTrip(broker, "tls/a", "--cafile", pki.caCert.toString());
        }
    }

    @Test
    void roundTripWithCapathAndEachTlsVersion() {
        try (InProcessBroker broker = tlsBroker()) {
            roundTrip(broker, "tls/b", "--capath", pki.caCert.getParent().toString(), "--tls-version", "tlsv1.2");
            roundTrip(broker, "tls/c", "--cafile", pki.caCert.toString(), "--tls-version", "tlsv1.3");
        }
    }

    @Test
    void insecureSkipsOnlyTheHostNameCheck() {
        try (InProcessBroker broker = tlsBroker()) {
            roundTrip(broker, "tls/d", "--cafile", pki.caCert.toString(), "--insecure");
            ToolRun pub = ToolRun.run(tool("pub"),
                    broker.args("--cafile", pki.otherCaCert.toString(), "--insecure", "-t", "x", "-m", "y"));
            assertNotEquals(0, pub.exitCode(), pub::toString);
        }
    }

    @Test
    void wrongCaFailsWithATlsError() {
        try (InProcessBroker broker = tlsBroker()) {
            ToolRun pub = ToolRun.run(tool("pub"),
                    broker.args("--cafile", pki.otherCaCert.toString(), "-t", "x", "-m", "y"));
            assertNotEquals(0, pub.exitCode(), pub::toString);
            assertTrue(pub.stderr().startsWith("Error: A TLS error occurred: "), pub::toString);
            ToolRun sub = ToolRun.run(tool("sub"),
                    broker.args("--cafile", pki.otherCaCert.toString(), "-t", "x", "-W", "5"));
            assertNotEquals(0, sub.exitCode(), sub::toString);
            assertTrue(sub.stderr().startsWith("Error: A TLS error occurred: "), sub::toString);
        }
    }

    @Test
    void plainClientOnTlsListenerFails() {
        try (InProcessBroker broker = tlsBroker()) {
            ToolRun pub = ToolRun.run(tool("pub"), broker.args("-t", "x", "-m", "y"));
            assertNotEquals(0, pub.exitCode(), pub::toString);
        }
    }

    @Test
    void missingCafileIsNamed() {
        ToolRun pub = ToolRun.run(tool("pub"), "-h", "127.0.0.1", "-p", "1", "--cafile",
                pkiDir.resolve("absent.crt").toString(), "-t", "x", "-m", "y");
        assertEquals(1, pub.exitCode(), pub::toString);
        assertEquals("Error: Problem setting TLS options: cafile " + pkiDir.resolve("absent.crt")
                + ": no such file.\n", pub.stderr());
    }

    @Test
    void requiredClientCertificate() {
        String ca = pki.caCert.toString();
        try (InProcessBroker broker = tlsBroker("cafile " + ca, "require_certificate true")) {
            roundTrip(broker, "mtls/a", "--cafile", ca, "--cert", pki.clientCert.toString(),
                    "--key", pki.clientKey.toString());

            ToolRun without = ToolRun.run(tool("pub"), broker.args("--cafile", ca, "-t", "x", "-m", "y"));
            assertNotEquals(0, without.exitCode(), without::toString);
            assertTrue(without.stderr().startsWith("Error: A TLS error occurred: "), without::toString);

            ToolRun stranger = ToolRun.run(tool("pub"), broker.args("--cafile", ca, "--cert",
                    pki.strangerCert.toString(), "--key", pki.strangerKey.toString(), "-t", "x", "-m", "y"));
            assertNotEquals(0, stranger.exitCode(), stranger::toString);
        }
    }

    @Test
    void mqttsUrlAndCafileDefaultPort() throws Exception {
        ClientConfig url = ArgsParser.parse(ToolKind.SUB, new String[] {"-L", "mqtts://example.org/t"});
        assertEquals(8883, url.effectivePort());
        assertTrue(url.tls());
        ClientConfig cafile = ArgsParser.parse(ToolKind.SUB, new String[] {"--cafile", "ca.crt", "-t", "t"});
        assertEquals(8883, cafile.effectivePort());
        ClientConfig explicit = ArgsParser.parse(ToolKind.SUB, new String[] {"--cafile", "ca.crt", "-p", "1883", "-t", "t"});
        assertEquals(1883, explicit.effectivePort());
        ClientConfig plain = ArgsParser.parse(ToolKind.SUB, new String[] {"-t", "t"});
        assertEquals(1883, plain.effectivePort());
    }
}
