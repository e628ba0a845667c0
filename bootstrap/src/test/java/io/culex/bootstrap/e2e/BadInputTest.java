package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.RawPackets.bytes;
import static io.culex.bootstrap.e2e.RawPackets.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.PahoClients.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile input over a real socket: the offending connection is closed by the
 * broker, nothing is answered to the bad packet, and every other client keeps being served.
 */
class BadInputTest extends BrokerTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    /** Connected before the bad input and subscribed to everything: it must survive and see no bad message. */
    private Client watcher;

    private void start(String... config) throws Exception {
        startBroker(config);
        watcher = clients.connect("watcher", PahoClients.MQTT_3_1_1, true);
        watcher.subscribe("#", 1);
    }

    @Test
    void garbageAsFirstBytesIsClosedWithoutConnack() throws Exception {
        start();
        byte[] garbage = new byte[1024];
        new Random(20240611L).nextBytes(garbage);
        garbage[0] = 0x00; // reserved packet type 0
        garbage[1] = (byte) 0xFF;

        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(garbage);
            assertNothingSentBeforeClose(raw);
        }
        assertBrokerStillServes();
    }

    @Test
    void truncatedConnectFollowedByClientCloseLeavesNoConnectionBehind() throws Exception {
        start();
        long connectedBefore = metrics().clientsConnected();
        byte[] connect = RawPackets.connect("truncated", true, 60);

        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(Arrays.copyOf(connect, connect.length / 2));
        }

        assertBrokerStillServes();
        assertEquals(connectedBefore + 1, metrics().clientsConnected(),
                "only the check client may have been added; a half CONNECT is no client");
    }

    @Test
    void truncatedPublishFollowedByClientCloseEndsThatSession() throws Exception {
        start();
        long connectedBefore = metrics().clientsConnected();
        int sessionsBefore = broker.broker().broker().sessionCount();
        byte[] publish = RawPackets.publish("t/truncated", utf8("never completed"), 1, 1);

        try (RawMqttClient raw = RawMqttClient.connect(broker.port(), "truncated-publisher")) {
            raw.send(Arrays.copyOf(publish, publish.length - 3));
        }

        RawAwait.untilEquals("clientsConnected", connectedBefore, metrics()::clientsConnected, SETTLE);
        RawAwait.untilEquals("sessionCount", sessionsBefore, broker.broker().broker()::sessionCount, SETTLE);
        assertBrokerStillServes();
    }

    @Test
    void oversizedRemainingLengthIsRefusedBeforeTheBodyIsSent() throws Exception {
        start("message_size_limit 1000");
        try (RawMqttClient raw = RawMqttClient.connect(broker.port(), "oversized")) {
            // Only the fixed header: a broker that waited for the 200 MB body would never close.
            raw.send(bytes(0x30), RawPackets.remainingLength(200 * 1024 * 1024));
            assertNothingSentBeforeClose(raw);
        }
        assertBrokerStillServes();
    }

    @Test
    void remainingLengthEncodedInFiveBytesIsMalformed() throws Exception {
        assertPacketAfterConnectClosesTheConnection(bytes(0x30, 0x80, 0x80, 0x80, 0x80, 0x01));
    }

    @Test
    void overlongUtf8InPublishTopicIsMalformed() throws Exception {
        // C0 AF is an overlong '/': well-formed UTF-8 forbids it.
        assertPacketAfterConnectClosesTheConnection(
                RawPackets.publish(bytes('a', 0xC0, 0xAF, 'b'), utf8("x"), 0, 0, false));
    }

    @Test
    void encodedSurrogateInPublishTopicIsMalformed() throws Exception {
        // ED A0 80 is U+D800, a UTF-16 surrogate, which UTF-8 may not encode.
        assertPacketAfterConnectClosesTheConnection(
                RawPackets.publish(bytes('a', 0xED, 0xA0, 0x80), utf8("x"), 0, 0, false));
    }

    @Test
    void publishWithQos3IsMalformed() throws Exception {
        assertPacketAfterConnectClosesTheConnection(RawPackets.publish(utf8("t/qos3"), utf8("x"), 3, 1, false));
    }

    @Test
    void publishToWildcardTopicIsMalformed() throws Exception {
        assertPacketAfterConnectClosesTheConnection(RawPackets.publish("t/+/wild", utf8("x"), 0, 0));
    }

    @Test
    void subscribeWithoutFiltersIsMalformed() throws Exception {
        assertPacketAfterConnectClosesTheConnection(RawPackets.subscribeWithoutFilters(1));
    }

    @Test
    void qos1PublishWithPacketIdZeroIsMalformed() throws Exception {
        assertPacketAfterConnectClosesTheConnection(RawPackets.publish("t/id0", utf8("x"), 1, 0));
    }

    @Test
    void protocolErrorIsLoggedWithClientIdAddressAndReason() throws Exception {
        start();
        try (RawLogCapture log = RawLogCapture.of("io.culex.connection");
             RawMqttClient raw = RawMqttClient.connect(broker.port(), "bad-logger")) {
            raw.send(RawPackets.publish(utf8("t/qos3"), utf8("x"), 3, 1, false));
            raw.awaitClosedByBroker();

            String address = raw.localAddress();
            log.await(message -> message.contains("bad-logger") && message.contains(address)
                    && (message.contains("malformed") || message.contains("protocol error")), SETTLE);
        }
        assertBrokerStillServes();
    }

    @Test
    void floodOfShortConnectionsAndDoubleConnectsLeavesBrokerServingWithRightClientCount() throws Exception {
        start();
        long stillConnected = metrics().clientsConnected(); // the watcher
        int port = broker.port();

        List<RawMqttClient> shortLived = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                RawMqttClient raw = RawMqttClient.open(port);
                shortLived.add(raw);
                raw.send(RawPackets.connect("flood-" + i, true, 60));
            }
            for (int i = 0; i < shortLived.size(); i++) {
                if (i % 2 == 0) { // half wait for CONNACK, half hang up at once (the broker may see a reset)
                    shortLived.get(i).expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
                }
                shortLived.get(i).close();
            }
        } finally {
            closeAll(shortLived);
        }

        List<RawMqttClient> doubleConnect = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                RawMqttClient raw = RawMqttClient.connect(port, "double-" + i);
                doubleConnect.add(raw);
                raw.send(RawPackets.connect("double-" + i, true, 60));
            }
            for (RawMqttClient raw : doubleConnect) {
                assertNothingSentBeforeClose(raw);
            }
        } finally {
            closeAll(doubleConnect);
        }

        RawAwait.untilEquals("clientsConnected", stillConnected, metrics()::clientsConnected, SETTLE);
        RawAwait.untilEquals("sessionCount", 1, broker.broker().broker()::sessionCount, SETTLE);
        assertBrokerStillServes();
    }

    // ---- helpers ----

    /** Connects a raw client, sends {@code bad}, and expects a silent close; then others are still served. */
    private void assertPacketAfterConnectClosesTheConnection(byte[] bad) throws Exception {
        start();
        try (RawMqttClient raw = RawMqttClient.connect(broker.port(), "bad-input")) {
            raw.send(bad);
            assertNothingSentBeforeClose(raw);
        }
        assertBrokerStillServes();
    }

    private static void assertNothingSentBeforeClose(RawMqttClient raw) throws IOException {
        byte[] received = raw.awaitClosedByBroker();
        assertEquals("", HexFormat.of().formatHex(received), "the broker must close without answering");
    }

    /**
     * The watcher is still connected and its first message is the check message (so nothing from
     * the bad connection was routed), and a brand-new client can subscribe and receive.
     */
    private void assertBrokerStillServes() throws Exception {
        Client fresh = clients.connect("fresh", PahoClients.MQTT_3_1_1, true);
        fresh.subscribe("check/alive", 1);
        fresh.publish("check/alive", "still serving", 1, false);

        assertEquals(new Received("check/alive", "still serving", 1, false, false), fresh.next());
        assertEquals(new Received("check/alive", "still serving", 1, false, false), watcher.next());
        assertTrue(watcher.paho.isConnected(), "the watcher must not have been disconnected");
    }

    private io.culex.application.metrics.BrokerMetrics metrics() {
        return broker.broker().broker().metrics();
    }

    private static void closeAll(List<RawMqttClient> clients) {
        for (RawMqttClient client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a socket the broker already reset
            }
        }
    }
}
