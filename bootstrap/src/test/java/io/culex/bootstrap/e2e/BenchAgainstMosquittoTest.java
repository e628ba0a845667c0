package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * culex bench against Debian's Mosquitto broker: the tool measures any broker, not only ours. Skipped
 * locally when mosquitto is missing; on CI (CI set) a missing broker fails the test.
 */
class BenchAgainstMosquittoTest {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private Process mosquitto;
    private int port;

    @BeforeEach
    void startMosquitto(@TempDir Path dir) throws IOException {
        if (!Files.isExecutable(MOSQUITTO)) {
            String message = MOSQUITTO + " not found; install Debian's mosquitto package";
            if (System.getenv("CI") != null) {
                fail("CI is set but " + message);
            }
            Assumptions.abort(message);
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        awaitListening(dir);
    }

    private void awaitListening(Path dir) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !mosquitto.isAlive()) {
                    fail("mosquitto did not listen on " + port + ": " + log(dir));
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops only the broker this test started. */
    @AfterEach
    void stopMosquitto() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** --inflight 20: Mosquitto drops a client with more QoS 2 messages in flight than its max_inflight_messages (20). */
    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void fanInThroughMosquitto(int qos) {
        BenchRun run = BenchRun.against(port, "fanin", "-q", Integer.toString(qos), "--publishers", "2", "-m", "300",
                "--inflight", "20").assertSucceeded();
        assertEquals(600, run.count("messages_received"));
        assertEquals(0, run.count("lost"));
        assertEquals(0, run.count("duplicates"));
    }

    @Test
    void latencyAndDrainThroughMosquitto() {
        assertEquals(100, BenchRun.against(port, "latency", "-q", "1", "-m", "100", "--rate", "1000",
                "--inflight", "20").assertSucceeded().count("messages_received"));
        assertEquals(500, BenchRun.against(port, "drain", "-m", "500", "--inflight", "20").assertSucceeded()
                .count("messages_received"));
    }
}
