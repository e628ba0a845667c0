package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.adapters.netty.bridge.MosquittoProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
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

    private MosquittoProcess mosquitto;
    private int port;

    @BeforeEach
    void startMosquitto(@TempDir Path dir) {
        mosquitto = MosquittoProcess.start(dir, "allow_anonymous true");
        port = mosquitto.port();
    }

    /** Stops only the broker this test started. */
    @AfterEach
    void stopMosquitto() {
        if (mosquitto != null) {
            mosquitto.close();
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
