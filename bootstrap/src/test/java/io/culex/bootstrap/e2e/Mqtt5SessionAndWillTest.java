package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.RawPackets5.Props;
import io.culex.bootstrap.e2e.RawPackets5.Received;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 session and message lifetimes over raw sockets: Session Expiry Interval (from CONNECT
 * and DISCONNECT), Message Expiry Interval of retained and queued messages, and the will with its
 * Will Delay Interval, published or not depending on how the connection ends.
 */
class Mqtt5SessionAndWillTest extends Mqtt5TestSupport {

    private static Props sessionExpiry(long seconds) {
        return new Props().fourByte(RawPackets5.SESSION_EXPIRY_INTERVAL, seconds);
    }

    private int sessionCount() {
        return broker.broker().broker().sessionCount();
    }

    /** A raw client connected with a will on "will/{clientId}" whose payload is "gone {clientId}". */
    private RawMqtt5Client connectWithWill(String clientId, boolean cleanStart, Props properties, Props willProperties)
            throws Exception {
        RawMqtt5Client client = open();
        client.send(RawPackets5.connectWithWill(clientId, cleanStart, 60, properties, willProperties,
                "will/" + clientId, "gone " + clientId, 1, false));
        Received connack = client.expect(RawPackets5.CONNACK);
        assertEquals(0, connack.reasonCode());
        return client;
    }

    private RawMqtt5Client willWatcher() throws Exception {
        RawMqtt5Client watcher = raw("watcher");
        assertEquals(List.of(0), watcher.subscribe(1, "will/#", 0));
        return watcher;
    }

    private static Props willDelay(long seconds) {
        return new Props().fourByte(RawPackets5.WILL_DELAY_INTERVAL, seconds);
    }

    // ---- Session Expiry Interval (3.1.2.11.2, 3.14.2.2.2, 4.1) ----

    @Test
    void aSessionExpiresAfterItsIntervalWhileTheBrokerIsIdle() throws Exception {
        start();
        RawMqtt5Client client = raw("expiring", sessionExpiry(1));
        assertEquals(List.of(1), client.subscribe(1, "exp/#", 1));
        client.disconnect();
        long start = System.nanoTime();
        assertEquals(1, sessionCount(), "kept after the connection ended");

        await("the session expired", 3000, () -> sessionCount() == 0);
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 800, "expired after " + elapsed + " ms");

        RawMqtt5Client again = open();
        Received connack = again.connect("expiring", false, 60, sessionExpiry(1));
        assertFalse(connack.sessionPresent());
        assertEquals(0x10, raw("exp-pub").publishQos1("exp/x", "x", 1, Props.none()).reasonCode(),
                "the subscription ended with its session");
    }

    /**
     * 3.14.2.2.2: Session Expiry 0 at CONNECT cannot become non-zero at DISCONNECT;
     * the broker answers 0x82 and, the DISCONNECT not being a valid one, publishes the will (3.1.2.5).
     */
    @Test
    void aDisconnectCannotGiveAnExpiryToASessionThatHadNone() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("no-expiry", true, Props.none(), Props.none());
        client.send(RawPackets5.disconnect(0x00, sessionExpiry(30)));
        client.expectDisconnect(0x82);
        Received will = watcher.expect(RawPackets5.PUBLISH);
        assertEquals("will/no-expiry", will.topic());
        await("the session ended", 2000, () -> sessionCount() == 1); // the watcher's
    }

    /** 3.14.2.2.2: a DISCONNECT with Session Expiry Interval 0 ends a session that had one at once. */
    @Test
    void aDisconnectWithExpiryZeroEndsTheSessionAtOnce() throws Exception {
        start();
        RawMqtt5Client client = raw("ending", sessionExpiry(60));
        client.subscribe(1, "ending/#", 1);
        client.send(RawPackets5.disconnect(0x00, sessionExpiry(0)));
        assertEquals(List.of(), client.awaitClosed());
        await("the session ended", 1000, () -> sessionCount() == 0);
        assertFalse(open().connect("ending", false, 60, sessionExpiry(60)).sessionPresent());
    }

    /** 3.14.2.2.2: a DISCONNECT's Session Expiry Interval replaces the one from CONNECT. */
    @Test
    void aDisconnectShortensOrExtendsTheExpiry() throws Exception {
        start();
        RawMqtt5Client shortened = raw("shortened", sessionExpiry(60));
        shortened.subscribe(1, "short/#", 1);
        RawMqtt5Client extended = raw("extended", sessionExpiry(1));
        extended.subscribe(1, "long/#", 1);
        shortened.send(RawPackets5.disconnect(0x00, sessionExpiry(1)));
        extended.send(RawPackets5.disconnect(0x00, sessionExpiry(60)));
        assertEquals(List.of(), shortened.awaitClosed());
        assertEquals(List.of(), extended.awaitClosed());
        long start = System.nanoTime();

        await("the shortened session expired", 3000, () -> sessionCount() == 1);
        long remaining = 1600 - millisSince(start);
        if (remaining > 0) {
            Thread.sleep(remaining); // past the extended session's original second
        }
        assertEquals(1, sessionCount());
        RawMqtt5Client publisher = raw("lifetimes-pub");
        assertEquals(0x10, publisher.publishQos1("short/x", "x", 1, Props.none()).reasonCode());
        assertEquals(0x00, publisher.publishQos1("long/x", "kept", 2, Props.none()).reasonCode());

        RawMqtt5Client back = open();
        assertTrue(back.connect("extended", false, 60, sessionExpiry(60)).sessionPresent());
        assertEquals("kept", back.expect(RawPackets5.PUBLISH).payloadText());
    }

    /** persistent_client_expiration takes Mosquitto's units; within it a 3.1.1 persistent session resumes. */
    @Test
    void persistentClientExpirationKeepsA311SessionWithinIt() throws Exception {
        start("persistent_client_expiration 1h");
        try (RawMqttClient first = RawMqttClient.open(port())) {
            first.send(RawPackets.connect("durable", false, 60));
            first.expect(0x20, 0x02, 0x00, 0x00);
            first.send(RawPackets.subscribe(1, "durable/#", 1));
            first.expect(0x90, 0x03, 0x00, 0x01, 0x01);
            first.send(RawPackets.disconnect());
            first.awaitClosedByBroker();
        }
        assertEquals(0x00, raw("durable-pub").publishQos1("durable/x", "queued", 1, Props.none()).reasonCode());
        try (RawMqttClient again = RawMqttClient.open(port())) {
            again.send(RawPackets.connect("durable", false, 60));
            again.expect(0x20, 0x02, 0x01, 0x00);
            RawMqttClient.Packet publish = again.readPacket();
            assertEquals(0x32, publish.firstByte());
            assertTrue(new String(publish.body(), java.nio.charset.StandardCharsets.UTF_8).endsWith("queued"));
        }
    }

    // ---- Message Expiry Interval (3.3.2.3.3) ----

    /** [MQTT-3.3.2-5]: a retained message whose expiry passed is no longer sent to new subscribers. */
    @Test
    void anExpiredRetainedMessageIsNoLongerDelivered() throws Exception {
        start();
        RawMqtt5Client publisher = raw("ret-pub");
        publisher.send(RawPackets5.publish("ret/short", "short", 1, true, 1,
                new Props().fourByte(RawPackets5.MESSAGE_EXPIRY_INTERVAL, 1)));
        long start = System.nanoTime();
        publisher.expect(RawPackets5.PUBACK);
        publisher.send(RawPackets5.publish("ret/kept", "kept", 1, true, 2, Props.none()));
        publisher.expect(RawPackets5.PUBACK);

        RawMqtt5Client early = raw("ret-early");
        early.subscribe(1, "ret/#", 0);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Received retained = early.expect(RawPackets5.PUBLISH);
            first.add(retained.topic());
            if (retained.topic().equals("ret/short")) {
                assertEquals(1L, retained.properties().number(RawPackets5.MESSAGE_EXPIRY_INTERVAL),
                        "what is left of the expiry, rounded up");
            } else {
                assertFalse(retained.properties().has(RawPackets5.MESSAGE_EXPIRY_INTERVAL));
            }
        }
        first.sort(null);
        assertEquals(List.of("ret/kept", "ret/short"), first, "both retained at first");

        Thread.sleep(Math.max(0, 1200 - millisSince(start)));
        RawMqtt5Client late = raw("ret-late");
        late.subscribe(1, "ret/#", 0);
        Received only = late.expect(RawPackets5.PUBLISH);
        assertEquals("ret/kept", only.topic());
        assertTrue(only.retain());
        late.assertSilentFor(300);
    }

    /** [MQTT-3.3.2-5]: a message queued for an offline session is dropped once its expiry passed. */
    @Test
    void aQueuedMessageExpiresBeforeItsSessionReturns() throws Exception {
        start();
        RawMqtt5Client subscriber = raw("offline", sessionExpiry(60));
        subscriber.subscribe(1, "queued/#", 1);
        subscriber.disconnect();

        RawMqtt5Client publisher = raw("queued-pub");
        publisher.publishQos1("queued/short", "short", 1, new Props().fourByte(RawPackets5.MESSAGE_EXPIRY_INTERVAL, 1));
        long start = System.nanoTime();
        publisher.publishQos1("queued/long", "long", 2, new Props().fourByte(RawPackets5.MESSAGE_EXPIRY_INTERVAL, 60));
        publisher.publishQos1("queued/forever", "forever", 3, Props.none());
        Thread.sleep(Math.max(0, 1200 - millisSince(start)));

        RawMqtt5Client back = open();
        assertTrue(back.connect("offline", false, 60, sessionExpiry(60)).sessionPresent());
        Received first = back.expect(RawPackets5.PUBLISH);
        assertEquals("queued/long", first.topic(), "the expired one was dropped");
        long remaining = first.properties().number(RawPackets5.MESSAGE_EXPIRY_INTERVAL);
        assertTrue(remaining >= 55 && remaining <= 60, "remaining expiry " + remaining);
        Received second = back.expect(RawPackets5.PUBLISH);
        assertEquals("queued/forever", second.topic());
        assertFalse(second.properties().has(RawPackets5.MESSAGE_EXPIRY_INTERVAL));
        back.assertSilentFor(200);
    }

    // ---- wills (3.1.2.5, 3.1.3.2.2 Will Delay Interval) ----

    @Test
    void aDelayedWillIsPublishedAfterItsDelay() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("delayed", true, sessionExpiry(60), willDelay(2));
        client.close();
        long start = System.nanoTime();
        Received will = watcher.nextWithin(4000);
        long elapsed = millisSince(start);
        assertNotNull(will, "no will within 4 s");
        assertEquals("will/delayed", will.topic());
        assertEquals("gone delayed", will.payloadText());
        assertTrue(elapsed >= 1800, "published after " + elapsed + " ms, before its 2 s delay");
    }

    /** [MQTT-3.1.3-9]: a new connection to the session within the delay means no will. */
    @Test
    void reconnectingWithinTheDelayCancelsTheWill() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("comeback", true, sessionExpiry(60), willDelay(1));
        client.close();
        Thread.sleep(100);
        RawMqtt5Client again = open();
        assertTrue(again.connect("comeback", false, 60, sessionExpiry(60)).sessionPresent());
        watcher.assertSilentFor(1500);
    }

    /**
     * Clean Start discards the session (3.1.2.4), and a delayed will is published when its session
     * ends if that comes first (3.1.3.2.2): so a clean reconnect sends it at once.
     */
    @Test
    void reconnectingWithCleanStartEndsTheSessionAndPublishesTheWill() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("fresh", true, sessionExpiry(60), willDelay(10));
        client.close();
        Thread.sleep(100);
        RawMqtt5Client again = open();
        assertFalse(again.connect("fresh", true, 60, sessionExpiry(60)).sessionPresent());
        Received will = watcher.nextWithin(2000);
        assertNotNull(will, "the will of the discarded session");
        assertEquals("will/fresh", will.topic());
    }

    /** 3.1.3.2.2: a session without expiry ends with its connection, and so does the wait of its will. */
    @Test
    void aDelayedWillOfASessionWithoutExpiryIsPublishedAtOnce() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("no-wait", true, Props.none(), willDelay(10));
        client.close();
        Received will = watcher.nextWithin(1500);
        assertNotNull(will, "no will within 1.5 s");
        assertEquals("will/no-wait", will.topic());
    }

    /** 3.1.2.5: the will is published when the session ends, if that is before the delay. */
    @Test
    void aWillWaitsNoLongerThanItsSession() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("short-lived", true, sessionExpiry(1), willDelay(10));
        client.close();
        long start = System.nanoTime();
        Received will = watcher.nextWithin(3000);
        long elapsed = millisSince(start);
        assertNotNull(will, "no will within 3 s");
        assertEquals("will/short-lived", will.topic());
        assertTrue(elapsed >= 800, "published after " + elapsed + " ms, before the session's 1 s");
    }

    /** 3.14.2.1: DISCONNECT 0x04 Disconnect with Will Message: the will is published, properties and all. */
    @Test
    void disconnectWithWillMessagePublishesTheWill() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("with-will", true, Props.none(),
                new Props().string(RawPackets5.CONTENT_TYPE, "text/plain").userProperty("k", "v")
                        .fourByte(RawPackets5.MESSAGE_EXPIRY_INTERVAL, 30));
        client.send(RawPackets5.disconnect(0x04));
        assertEquals(List.of(), client.awaitClosed());
        Received will = watcher.expect(RawPackets5.PUBLISH);
        assertEquals("will/with-will", will.topic());
        assertEquals("gone with-will", will.payloadText());
        assertEquals("text/plain", will.properties().string(RawPackets5.CONTENT_TYPE));
        assertEquals(List.of(List.of("k", "v")), will.properties().all(RawPackets5.USER_PROPERTY));
        long expiry = will.properties().number(RawPackets5.MESSAGE_EXPIRY_INTERVAL);
        assertTrue(expiry >= 29 && expiry <= 30, "the will's Message Expiry Interval: " + expiry);
    }

    /** [MQTT-3.1.2-10]: a normal DISCONNECT (0x00) removes the will. */
    @Test
    void aNormalDisconnectDiscardsTheWill() throws Exception {
        start();
        RawMqtt5Client watcher = willWatcher();
        RawMqtt5Client client = connectWithWill("polite", true, Props.none(), Props.none());
        client.disconnect();
        watcher.assertSilentFor(500);
    }
}
