package io.culex.bootstrap.e2e;

import static io.culex.bootstrap.e2e.RawPackets.CONNACK_ACCEPTED;
import static io.culex.bootstrap.e2e.RawPackets.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.PahoClients.Client;
import io.culex.bootstrap.e2e.PahoClients.Received;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Keepalive enforcement, will on timeout, message_size_limit and the QoS 2 receive flow. */
class KeepAliveAndLimitsTest extends BrokerTestSupport {

    // ---- keepalive ----

    @Test
    void silentClientIsDisconnectedAfterOneAndAHalfKeepalivesAndItsWillIsPublished() throws Exception {
        startBroker();
        Client subscriber = clients.connect("will-watcher", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("wills/#", 1);

        try (RawMqttClient silent = RawMqttClient.open(broker.port())) {
            silent.send(RawPackets.connectWithWill("silent", 1, "wills/silent", "gone quiet", 1));
            silent.expect(0x20, 0x02, 0x00, CONNACK_ACCEPTED);
            long start = System.nanoTime();

            silent.awaitClosedByBroker(Duration.ofSeconds(5));
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // Generous lower bound: closed by the keepalive (1.5 s), not by something else.
            assertTrue(elapsedMillis >= 1000, "closed after only " + elapsedMillis + " ms");
        }

        assertEquals(new Received("wills/silent", "gone quiet", 1, false, false), subscriber.next());
    }

    @Test
    void clientPingingEvery500msStaysConnectedAndGetsEveryPingresp() throws Exception {
        startBroker();
        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(RawPackets.connect("pinger", true, 1));
            raw.expect(0x20, 0x02, 0x00, CONNACK_ACCEPTED);

            // 3 s of pings, twice the 1.5 s the broker allows between packets.
            for (int i = 0; i < 6; i++) {
                Thread.sleep(500);
                raw.send(RawPackets.pingreq());
                raw.expect(0xD0, 0x00);
            }
        }
    }

    @Test
    void maxKeepaliveCapsTheKeepaliveAClientAsksFor() throws Exception {
        startBroker("max_keepalive 2");
        try (RawMqttClient raw = RawMqttClient.open(broker.port())) {
            raw.send(RawPackets.connect("asks-60s", true, 60));
            raw.expect(0x20, 0x02, 0x00, CONNACK_ACCEPTED);
            long start = System.nanoTime();

            // 2 s capped keepalive * 1.5 = 3 s, plus margin; 60 s would blow this bound.
            raw.awaitClosedByBroker(Duration.ofSeconds(8));
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(elapsedMillis >= 2000, "closed after only " + elapsedMillis + " ms");
        }
    }

    // ---- message_size_limit ----

    @Test
    void publishOverMessageSizeLimitIsAcknowledgedButNotDelivered() throws Exception {
        startBroker("message_size_limit 100");
        Client subscriber = clients.connect("size-watcher", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("size/#", 1);
        long droppedBefore = broker.broker().broker().metrics().messagesDropped();

        try (RawMqttClient publisher = RawMqttClient.connect(broker.port(), "sizer")) {
            publisher.send(RawPackets.publish("size/big", payload('B', 150), 1, 1));
            publisher.expect(0x40, 0x02, 0x00, 0x01);
            publisher.send(RawPackets.publish("size/small", payload('s', 50), 1, 2));
            publisher.expect(0x40, 0x02, 0x00, 0x02);
        }

        // Sent in order from one connection: the small one arriving first means the big one was dropped.
        Received first = subscriber.next();
        assertEquals("size/small", first.topic());
        assertEquals(50, first.payload().length());
        assertNull(subscriber.nextOrNull(300), "nothing else may be delivered");
        assertEquals(droppedBefore + 1, broker.broker().broker().metrics().messagesDropped());
    }

    // ---- QoS 2 receive flow ----

    @Test
    void pubrelForUnknownPacketIdStillGetsPubcomp() throws Exception {
        startBroker();
        try (RawMqttClient raw = RawMqttClient.connect(broker.port(), "stray-pubrel")) {
            raw.send(RawPackets.pubrel(0x1234));
            raw.expect(0x70, 0x02, 0x12, 0x34);
        }
    }

    @Test
    void qos2PublishResentBeforePubrelIsDeliveredOnce() throws Exception {
        startBroker();
        Client subscriber = clients.connect("qos2-watcher", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("qos2/#", 2);

        try (RawMqttClient publisher = RawMqttClient.connect(broker.port(), "qos2-resender")) {
            publisher.send(RawPackets.publish(utf8("qos2/once"), utf8("only once"), 2, 7, false));
            publisher.expect(0x50, 0x02, 0x00, 0x07);
            // The PUBREC "got lost": the client re-sends with DUP set and the same id.
            publisher.send(RawPackets.publish(utf8("qos2/once"), utf8("only once"), 2, 7, true));
            publisher.expect(0x50, 0x02, 0x00, 0x07);
            publisher.send(RawPackets.pubrel(7));
            publisher.expect(0x70, 0x02, 0x00, 0x07);
        }

        assertEquals(new Received("qos2/once", "only once", 2, false, false), subscriber.next());
        assertNull(subscriber.nextOrNull(500), "the re-sent PUBLISH must not be delivered again");
    }

    @Test
    void qos2PacketIdReusedAfterPubrelCarriesANewMessage() throws Exception {
        startBroker();
        Client subscriber = clients.connect("qos2-watcher", PahoClients.MQTT_3_1_1, true);
        subscriber.subscribe("qos2/#", 2);

        try (RawMqttClient publisher = RawMqttClient.connect(broker.port(), "qos2-reuser")) {
            for (String payload : new String[] {"first", "second"}) {
                publisher.send(RawPackets.publish(utf8("qos2/reuse"), utf8(payload), 2, 7, false));
                publisher.expect(0x50, 0x02, 0x00, 0x07);
                publisher.send(RawPackets.pubrel(7));
                publisher.expect(0x70, 0x02, 0x00, 0x07);
            }
        }

        assertEquals("first", subscriber.next().payload());
        assertEquals("second", subscriber.next().payload());
    }

    private static byte[] payload(char fill, int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) fill);
        return payload;
    }
}
