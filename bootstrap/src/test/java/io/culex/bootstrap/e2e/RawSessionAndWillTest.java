package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.RawMqttClient.Packet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client library hides: the exact packets the broker re-sends when a persistent
 * session comes back, the SUBACK failure code, and the will after a dropped socket.
 */
class RawSessionAndWillTest extends BrokerTestSupport {

    @BeforeEach
    void start() {
        startBroker();
    }

    /** A broker PUBLISH as "PUBLISH id payload" with " dup" when the DUP flag is set. */
    private static String describePublish(Packet packet) {
        ByteBuffer body = ByteBuffer.wrap(packet.body());
        int topicLength = body.getShort() & 0xFFFF;
        body.position(body.position() + topicLength);
        int packetId = (packet.firstByte() & 0x06) != 0 ? body.getShort() & 0xFFFF : 0;
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        boolean dup = (packet.firstByte() & 0x08) != 0;
        return "PUBLISH " + packetId + " " + new String(payload, StandardCharsets.UTF_8) + (dup ? " dup" : "");
    }

    private static String describe(Packet packet) {
        return switch (packet.firstByte() >> 4) {
            case 3 -> describePublish(packet);
            case 6 -> "PUBREL " + (ByteBuffer.wrap(packet.body()).getShort() & 0xFFFF);
            default -> "packet type " + (packet.firstByte() >> 4);
        };
    }

    private static List<String> read(RawMqttClient client, int count) throws Exception {
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(describe(client.readPacket()));
        }
        return packets;
    }

    @Test
    void reconnectResendsUnacknowledgedPublishesInOrderWithDupAndPubrelForPubrecd() throws Exception {
        RawMqttClient first = RawMqttClient.open(broker.port());
        first.send(RawPackets.connect("resender", false, 60));
        first.expect(0x20, 0x02, 0x00, 0x00);
        first.send(RawPackets.subscribe(1, "jobs", 2));
        first.expect(0x90, 0x03, 0x00, 0x01, 0x02);

        Client publisher = clients.connect("pub", PahoClients.MQTT_3_1_1, true);
        publisher.publish("jobs", "a", 1, false);
        publisher.publish("jobs", "b", 2, false);
        publisher.publish("jobs", "c", 1, false);
        assertEquals(List.of("PUBLISH 1 a", "PUBLISH 2 b", "PUBLISH 3 c"), read(first, 3));

        first.send(RawPackets.packet(0x50, RawPackets.bytes(0x00, 0x02))); // PUBREC for b
        assertEquals(List.of("PUBREL 2"), read(first, 1));
        first.close(); // gone without acknowledging a, c or completing b

        try (RawMqttClient back = RawMqttClient.open(broker.port())) {
            back.send(RawPackets.connect("resender", false, 60));
            back.expect(0x20, 0x02, 0x01, 0x00);
            assertEquals(List.of("PUBLISH 1 a dup", "PUBREL 2", "PUBLISH 3 c dup"), read(back, 3));

            back.send(RawPackets.packet(0x40, RawPackets.bytes(0x00, 0x01)),  // PUBACK a
                    RawPackets.packet(0x70, RawPackets.bytes(0x00, 0x02)),      // PUBCOMP b
                    RawPackets.packet(0x40, RawPackets.bytes(0x00, 0x03)));     // PUBACK c
            publisher.publish("jobs", "d", 1, false);
            assertEquals(List.of("PUBLISH 4 d"), read(back, 1), "nothing re-sent again: the flights were completed");
        }
    }

    @Test
    void invalidFilterGetsSubackFailureWhileTheConnectionStays() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port(), "filters")) {
            client.send(RawPackets.subscribe(7, "sport/#/ranking", 1));
            client.expect(0x90, 0x03, 0x00, 0x07, 0x80);
            client.send(RawPackets.subscribe(8, "sport+", 1));
            client.expect(0x90, 0x03, 0x00, 0x08, 0x80);
            client.send(RawPackets.subscribe(9, "sport/+", 1));
            client.expect(0x90, 0x03, 0x00, 0x09, 0x01);
        }
    }

    @Test
    void willIsPublishedWhenTheSocketDropsWithoutDisconnect() throws Exception {
        Client watcher = clients.connect("watcher", PahoClients.MQTT_3_1_1, true);
        watcher.subscribe("wills/+", 1);
        RawMqttClient device = RawMqttClient.open(broker.port());
        device.send(RawPackets.connectWithWill("device", 60, "wills/device", "lost", 1));
        device.expect(0x20, 0x02, 0x00, 0x00);

        device.close();

        assertEquals(new PahoClients.Received("wills/device", "lost", 1, false, false), watcher.next());
    }

    @Test
    void willIsPublishedWhenTheClientBreaksTheProtocol() throws Exception {
        Client watcher = clients.connect("watcher", PahoClients.MQTT_3_1_1, true);
        watcher.subscribe("wills/+", 1);
        try (RawMqttClient device = RawMqttClient.open(broker.port())) {
            device.send(RawPackets.connectWithWill("device", 60, "wills/device", "broken", 1));
            device.expect(0x20, 0x02, 0x00, 0x00);

            device.send(RawPackets.connect("device", true, 60)); // a second CONNECT is a protocol violation

            device.awaitClosedByBroker();
        }
        assertEquals(new PahoClients.Received("wills/device", "broken", 1, false, false), watcher.next());
    }
}
