package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** culex bench against the broker in-process: every message accounted for, at every QoS, in each scenario. */
class BenchAgainstCulexTest extends BrokerTestSupport {

    @BeforeEach
    void start() {
        startBroker();
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void fanInDeliversEveryMessageOnce(int qos) {
        BenchRun run = BenchRun.against(broker.port(), "fanin", "-q", Integer.toString(qos), "--publishers", "3",
                "-m", "300").assertSucceeded();
        assertEquals(900, run.count("messages_sent"));
        assertEquals(900, run.count("messages_expected"));
        assertEquals(900, run.count("messages_received"));
        assertEquals(0, run.count("lost"));
        assertEquals(0, run.count("duplicates"));
        assertEquals(0, run.count("out_of_order"));
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void pointToPointPairsEachPublisherWithItsSubscriber(int qos) {
        BenchRun run = BenchRun.against(broker.port(), "p2p", "-q", Integer.toString(qos), "--publishers", "4",
                "-m", "200", "-s", "200").assertSucceeded();
        assertEquals(800, run.count("messages_sent"));
        assertEquals(800, run.count("messages_received"), "each message to its own pair only");
        assertEquals(0, run.count("lost"));
        assertEquals(0, run.count("duplicates"));
        assertEquals(200, run.count("payload_bytes"));
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void latencyRunsAtTheAskedRate(int qos) {
        BenchRun run = BenchRun.against(broker.port(), "latency", "-q", Integer.toString(qos), "-m", "100",
                "--rate", "500").assertSucceeded();
        assertEquals(100, run.count("messages_received"));
        assertEquals(0, run.count("lost"));
        // 100 messages at 500/s: the last one is due 198 ms after the first.
        assertTrue(run.measure("publish_seconds") >= 0.19, run::toString);
        double p50 = run.measure("latency_p50_ms");
        double p99 = run.measure("latency_p99_ms");
        double max = run.measure("latency_max_ms");
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= max, run::toString);
    }

    @Test
    void fanOutCopiesEveryMessageToEverySubscriber() {
        BenchRun run = BenchRun.against(broker.port(), "fanout", "-q", "1", "--subscribers", "5", "-m", "200")
                .assertSucceeded();
        assertEquals(200, run.count("messages_sent"));
        assertEquals(1000, run.count("messages_received"));
    }

    @Test
    void drainDeliversWhatWasQueuedWhileOffline() {
        BenchRun run = BenchRun.against(broker.port(), "drain", "-m", "500").assertSucceeded();
        assertEquals(500, run.count("messages_queued"));
        assertEquals(500, run.count("messages_received"));
        assertEquals(0, run.count("lost"));
        assertTrue(run.measure("drain_per_s") > 0, run::toString);
    }

    @Test
    void connOpensAndHoldsEveryConnection() {
        BenchRun run = BenchRun.against(broker.port(), "conn", "--connections", "100", "--hold", "200ms")
                .assertSucceeded();
        assertEquals(100, run.count("connected"));
        assertEquals(0, run.count("failed"));
        assertEquals(100, run.count("open_after_hold"));
        assertTrue(run.measure("connects_per_s") > 0, run::toString);
    }

    @Test
    void aBrokerThatRefusesTheClientEndsWithExitCode3() {
        broker.close();
        broker = null;
        startBroker("allow_anonymous false");
        BenchRun run = BenchRun.against(broker.port(), "fanin", "-m", "1");
        assertTrue(run.toString().contains("exited 3") && run.toString().contains("CONNACK 5, not authorised"),
                run::toString);
    }
}
