package io.culex.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.connection.TestClient.Publish;
import io.culex.domain.message.QoS;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A CONNECT with the client id of a connected client takes its session over (MQTT 5, 3.1.4). */
class SessionTakeoverTest {

    private final BrokerHarness harness = new BrokerHarness();

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    @Test
    void theOldMqtt5ConnectionIsToldSessionTakenOverAndClosed() {
        TestClient old = harness.v5("device");
        TestClient current = harness.v5("device");

        assertEquals(List.of("CONNACK 0", "DISCONNECT SESSION_TAKEN_OVER"), old.packets);
        assertTrue(old.closed);
        assertEquals(List.of("CONNACK 0"), current.packets);
        assertFalse(current.closed);
        assertEquals(1, harness.broker.sessionCount());
    }

    @Test
    void theOldMqtt311ConnectionIsJustClosed() {
        TestClient old = harness.v311("device", true);
        TestClient current = harness.v311("device", true);

        assertEquals(List.of("CONNACK 0"), old.packets, "MQTT 3.1.1 has no DISCONNECT from the server");
        assertTrue(old.closed);
        assertFalse(current.closed);
    }

    @Test
    void theVersionOfTheOldConnectionDecidesWhetherItGetsDisconnect() {
        TestClient old = harness.v311("device", true);
        harness.v5("device");
        assertEquals(List.of("CONNACK 0"), old.packets);

        TestClient v5 = harness.v5("other");
        harness.v311("other", true);
        assertEquals(List.of("CONNACK 0", "DISCONNECT SESSION_TAKEN_OVER"), v5.packets);
    }

    @Test
    void aTakeoverWithoutCleanStartContinuesTheSessionWithItsSubscriptionsAndFlights() {
        TestClient old = harness.v5("device", true, 600, null);
        old.subscribe("t", QoS.AT_LEAST_ONCE);
        TestClient publisher = harness.v5("publisher");
        publisher.publish(Publish.to("t").payload("unacknowledged").qos(QoS.AT_LEAST_ONCE, 1));

        TestClient current = harness.v5("device", false, 600, null);

        assertEquals(List.of("CONNACK 0 present", "PUBLISH 1 t dup"), current.packets);
        publisher.publish(Publish.to("t").payload("next").qos(QoS.AT_LEAST_ONCE, 2));
        assertEquals(List.of("unacknowledged", "next"), current.receivedPayloads());
        assertEquals(List.of("unacknowledged"), old.receivedPayloads());
    }

    @Test
    void aTakeoverWithCleanStartStartsAFreshSession() {
        TestClient old = harness.v5("device", true, 600, null);
        old.subscribe("t", QoS.AT_LEAST_ONCE);

        TestClient current = harness.v5("device", true, 600, null);

        assertEquals(List.of("CONNACK 0"), current.packets);
        assertEquals(0, harness.broker.subscriptionCount());
        harness.v5("publisher").publish(Publish.to("t"));
        assertEquals(List.of(), current.received);
        assertEquals(List.of(), old.received);
    }

    @Test
    void whatTheOldConnectionSendsAfterTheTakeoverIsIgnored() {
        TestClient watcher = harness.v5("watcher");
        watcher.subscribe("#", QoS.AT_MOST_ONCE);
        TestClient old = harness.v5("device");
        TestClient current = harness.v5("device");

        old.publish(Publish.to("stale").qos(QoS.AT_LEAST_ONCE, 1));
        old.connection.subscribe(2, List.of(BrokerHarness.sub("x", QoS.AT_MOST_ONCE)));
        old.lose();

        assertEquals(List.of("CONNACK 0", "DISCONNECT SESSION_TAKEN_OVER"), old.packets);
        assertEquals(List.of(), watcher.received);
        assertEquals(1, harness.broker.subscriptionCount(), "only the watcher's");
        assertFalse(current.closed);
    }
}
