package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.RawPackets.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A remote bridge connecting to Culex with try_private (protocol level 0x84, Mosquitto's bridge bit): as in
 * Mosquitto, its subscriptions are No Local and Retain As Published, so its own messages do not loop back and
 * the retain flag crosses intact. Seen over a raw socket, as a bridge would.
 */
class BridgeClientTest {

    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int RETAIN = 0x01;

    private RunningBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** The PUBLISH packets {@code client} receives up to and including the one on {@code topic}. */
    private static List<String> publishesUntil(RawMqttClient client, String topic) throws Exception {
        List<String> seen = new ArrayList<>();
        while (true) {
            RawMqttClient.Packet packet = client.readPacket();
            if (packet.type() != PUBLISH) {
                continue;
            }
            int topicLength = (packet.body()[0] & 0xFF) << 8 | packet.body()[1] & 0xFF;
            String received = new String(packet.body(), 2, topicLength, StandardCharsets.UTF_8);
            seen.add(received + ((packet.firstByte() & RETAIN) != 0 ? " retained" : ""));
            if (received.equals(topic)) {
                return seen;
            }
        }
    }

    private static void subscribeAndPublishOwn(RawMqttClient client) throws Exception {
        client.send(RawPackets.subscribe(1, "sync/#", 1));
        client.expect(0x90, 0x03, 0x00, 0x01, 0x01);
        client.send(RawPackets.publish("sync/own", utf8("mine"), 1, 2));
        RawMqttClient.Packet ack;
        do {
            ack = client.readPacket();
        } while (ack.type() != PUBACK);
    }

    /** A retained PUBLISH at QoS 0 from another client. */
    private static byte[] retainedPublish(String topic, String payload) {
        byte[] topicBytes = utf8(topic);
        byte[] body = new byte[2 + topicBytes.length + payload.length()];
        body[0] = (byte) (topicBytes.length >> 8);
        body[1] = (byte) topicBytes.length;
        System.arraycopy(topicBytes, 0, body, 2, topicBytes.length);
        System.arraycopy(utf8(payload), 0, body, 2 + topicBytes.length, payload.length());
        return RawPackets.packet(0x30 | RETAIN, body);
    }

    @Test
    void aBridgeDoesNotGetItsOwnMessagesBackAndSeesTheRetainFlagAsPublished() throws Exception {
        broker = RunningBroker.start();
        try (RawMqttClient bridge = RawMqttClient.open(broker.port());
             RawMqttClient other = RawMqttClient.connect(broker.port(), "other")) {
            bridge.send(RawPackets.connect("MQTT", 0x84, "edge.bridge", true, 60));
            bridge.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            subscribeAndPublishOwn(bridge);

            other.send(retainedPublish("sync/other", "theirs"));

            assertEquals(List.of("sync/other retained"), publishesUntil(bridge, "sync/other"));
        }
    }

    @Test
    void anOrdinaryClientGetsItsOwnMessagesBackWithoutTheRetainFlag() throws Exception {
        broker = RunningBroker.start();
        try (RawMqttClient client = RawMqttClient.connect(broker.port(), "plain");
             RawMqttClient other = RawMqttClient.connect(broker.port(), "other")) {
            subscribeAndPublishOwn(client);

            other.send(retainedPublish("sync/other", "theirs"));

            List<String> seen = publishesUntil(client, "sync/other");
            assertTrue(seen.contains("sync/own"), seen.toString());
            assertFalse(seen.contains("sync/other retained"), seen.toString());
        }
    }

    @Test
    void theBridgeBitOnMqtt31IsABridgeToo() throws Exception {
        broker = RunningBroker.start();
        try (RawMqttClient bridge = RawMqttClient.open(broker.port());
             RawMqttClient other = RawMqttClient.connect(broker.port(), "other")) {
            bridge.send(RawPackets.connect("MQIsdp", 0x83, "edge.bridge31", true, 60));
            bridge.expect(0x20, 0x02, 0x00, RawPackets.CONNACK_ACCEPTED);
            subscribeAndPublishOwn(bridge);

            other.send(RawPackets.publish("sync/other", utf8("theirs"), 0, 0));

            assertEquals(List.of("sync/other"), publishesUntil(bridge, "sync/other"));
        }
    }
}
