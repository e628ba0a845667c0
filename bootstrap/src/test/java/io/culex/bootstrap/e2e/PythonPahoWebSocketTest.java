package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's python3-paho-mqtt over ws:// and wss://, as browsers and gateway scripts connect. */
class PythonPahoWebSocketTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<String> EXPECTED = List.of("py/ws/q0 hello-0 0", "py/ws/q1 hello-1 1", "py/ws/q2 hello-2 2");

    @BeforeAll
    static void requirePythonPaho() throws Exception {
        boolean available = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import paho.mqtt.client").start().waitFor() == 0;
        if (!available && System.getenv("CI") != null) {
            fail("Debian's python3-paho-mqtt is required in CI (apt-get install python3-paho-mqtt)");
        }
        Assumptions.assumeTrue(available, "python3-paho-mqtt not installed");
    }

    @Test
    void pythonPahoPublishesAndSubscribesOverWebSocketsOnAnyPath(@TempDir Path dir) throws Exception {
        try (CulexBroker broker = start("listener 0 127.0.0.1", "protocol websockets")) {
            assertEquals(EXPECTED, runScript(dir, broker.listeners().get(0).getPort(), "/some/proxy/path"));
        }
    }

    @Test
    void pythonPahoPublishesAndSubscribesOverSecureWebSockets(@TempDir Path dir) throws Exception {
        TestCertificates pki = TestCertificates.create(dir);
        try (CulexBroker broker = start("listener 0 127.0.0.1", "protocol websockets",
                "certfile " + pki.serverCert, "keyfile " + pki.serverKey)) {
            assertEquals(EXPECTED, runScript(dir, broker.listeners().get(0).getPort(), "/mqtt", pki.caCert.toString()));
        }
    }

    private static CulexBroker start(String... lines) throws Exception {
        return CulexBroker.start(ConfigParser.parse("allow_anonymous true\nsys_interval 0\n"
                + String.join("\n", lines) + "\n", "test.conf"));
    }

    /** Runs the script (bounded) and returns the lines it printed; fails with its output if it did not succeed. */
    private static List<String> runScript(Path dir, int port, String... args) throws IOException, InterruptedException {
        Path script = dir.resolve("paho_websockets.py");
        try (InputStream source = PythonPahoWebSocketTest.class.getResourceAsStream("/interop/paho_websockets.py")) {
            Files.copy(source, script);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), Integer.toString(port)));
        command.addAll(List.of(args));
        Path output = dir.resolve("python-output.txt");
        Process python = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!python.waitFor(30, TimeUnit.SECONDS)) {
                fail("python3 paho did not finish within 30 s:\n" + Files.readString(output));
            }
        } finally {
            python.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, python.exitValue(), printed);
        return printed.lines().toList();
    }
}
