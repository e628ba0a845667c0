package io.culex.application.connection;

import io.culex.domain.will.Will;

import static io.culex.application.connection.BrokerHarness.settings;
import static io.culex.application.connection.BrokerHarness.v5Properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.settings.BrokerSettings;
import io.culex.application.settings.ProtocolSettings;
import io.culex.domain.message.QoS;
import io.culex.domain.session.SessionLimits;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What CONNACK tells an MQTT 5 client, and the CONNECT outcomes only MQTT 5 can express. */
class Mqtt5ConnectTest {

    private BrokerHarness harness = new BrokerHarness();

    @AfterEach
    void stopBroker() {
        harness.close();
    }

    private void use(BrokerSettings settings) {
        harness.close();
        harness = new BrokerHarness(settings);
    }

    private static ProtocolSettings serverReference(String reference, boolean moved) {
        return new ProtocolSettings(10, 0, QoS.EXACTLY_ONCE, true, 0, reference, moved);
    }

    // ---- wills the broker could not publish as asked ----

    private static Will will(QoS qos, boolean retain) {
        return new Will("wills/c", new byte[] {1}, qos, retain);
    }

    @Test
    void aRetainedWillIsRefusedWhenRetainIsNotAvailable() {
        use(settings(new ProtocolSettings(10, 0, QoS.EXACTLY_ONCE, false, 0, null, false)));
        assertEquals(List.of("CONNACK 154"), harness.v5("c", true, 0, will(QoS.AT_MOST_ONCE, true)).packets);
        assertEquals(List.of("CONNACK 0"), harness.v5("d", true, 0, will(QoS.AT_MOST_ONCE, false)).packets);
    }

    @Test
    void aWillAboveTheMaximumQosIsRefused() {
        use(settings(new ProtocolSettings(10, 0, QoS.AT_LEAST_ONCE, true, 0, null, false)));
        assertEquals(List.of("CONNACK 155"), harness.v5("c", true, 0, will(QoS.EXACTLY_ONCE, false)).packets);
    }

    // ---- server_reference ----

    @Test
    void serverReferenceSendsAnMqtt5ClientToAnotherServer() {
        use(settings(serverReference("broker-2.example:1883", false)));
        TestClient client = harness.v5("c");

        assertEquals(List.of("CONNACK 156"), client.packets); // 0x9C Use another server
        assertEquals("broker-2.example:1883", client.connack().properties().serverReference());
        assertTrue(client.closed);
        assertEquals(0, harness.broker.sessionCount());
    }

    @Test
    void aPermanentServerReferenceSaysTheServerMoved() {
        use(settings(serverReference("broker-2.example:1883", true)));
        TestClient client = harness.v5("c");
        assertEquals(List.of("CONNACK 157"), client.packets); // 0x9D Server moved
        assertEquals("broker-2.example:1883", client.connack().properties().serverReference());
    }

    @Test
    void serverReferenceLeavesMqtt3ClientsConnected() {
        use(settings(serverReference("broker-2.example:1883", false)));
        TestClient v311 = harness.v311("old", true);
        TestClient v31 = harness.v31("older");
        assertEquals(List.of("CONNACK 0"), v311.packets);
        assertEquals(List.of("CONNACK 0"), v31.packets);
        assertFalse(v311.closed);
    }

    @Test
    void withoutServerReferenceConnackNamesNoServer() {
        assertNull(harness.v5("c").connack().properties().serverReference());
    }

    // ---- client identifiers ----

    @Test
    void anMqtt5ClientWithoutIdIsAssignedOneAndToldItInConnack() {
        TestClient first = harness.v5("");
        TestClient second = harness.v5("", false, 600, null);

        assertEquals(List.of("CONNACK 0"), first.packets);
        assertEquals(List.of("CONNACK 0"), second.packets, "Clean Start 0 is allowed with an empty id in MQTT 5");
        String firstId = first.connack().properties().assignedClientIdentifier();
        String secondId = second.connack().properties().assignedClientIdentifier();
        assertTrue(firstId.startsWith("auto-"), firstId);
        assertNotEquals(firstId, secondId);
        assertEquals(2, harness.broker.sessionCount());
    }

    @Test
    void aClientThatChoseItsIdIsAssignedNone() {
        assertNull(harness.v5("mine").connack().properties().assignedClientIdentifier());
    }

    @Test
    void theAssignedIdIsTheSessionsIdForNoLocal() {
        TestClient client = harness.v5("");
        client.subscribe(0, BrokerHarness.noLocal(BrokerHarness.sub("t", QoS.AT_MOST_ONCE)));
        client.publish("t", "own", QoS.AT_MOST_ONCE);
        assertEquals(List.of(), client.received);
    }

    @Test
    void anEmptyIdIsRefusedWhenZeroLengthIdsAreNotAllowed() {
        use(new BrokerSettings(false, "auto-", 65_535, BrokerSettings.MQTT_MAX_PAYLOAD, SessionLimits.defaults()));
        TestClient v5 = harness.v5("");
        TestClient v311 = harness.v311("", true);
        assertEquals(List.of("CONNACK 133"), v5.packets); // 0x85 Client Identifier not valid
        assertEquals(List.of("CONNACK 2"), v311.packets); // identifier rejected
        assertTrue(v5.closed);
    }

    @Test
    void mqtt3ClientsNeedAnIdUnlessMqtt311WithCleanSession() {
        assertEquals(List.of("CONNACK 0"), harness.v311("", true).packets);
        assertEquals(List.of("CONNACK 2"), harness.v311("", false).packets);
        assertEquals(List.of("CONNACK 2"), harness.connect(new ConnectRequest(3, "", true, 60, null, null, null)).packets);
    }

    // ---- other refusals and properties ----

    @Test
    void anUnknownProtocolLevelIsRefused() {
        TestClient client = harness.connect(new ConnectRequest(6, "c", true, 60, null, null, null));
        assertEquals(List.of("CONNACK 1"), client.packets);
        assertTrue(client.closed);
    }

    @Test
    void anAuthenticationMethodIsRefusedAsBadAuthenticationMethod() {
        TestClient client = harness.connect(new ConnectRequest(5, "c", true, 60, null, null, null, false,
                new ConnectProperties(0, 65_535, ConnectProperties.NO_LIMIT, 0, true, false, "SCRAM-SHA-1", null,
                        List.of())));
        assertEquals(List.of("CONNACK 140"), client.packets); // 0x8C
        assertTrue(client.closed);
    }

    @Test
    void aRefusalCarriesAReasonStringUnlessTheClientAskedForNone() {
        use(new BrokerSettings(false, "auto-", 65_535, BrokerSettings.MQTT_MAX_PAYLOAD, SessionLimits.defaults()));
        TestClient wants = harness.v5("");
        TestClient declines = harness.connect(new ConnectRequest(5, "", true, 60, null, null, null, false,
                new ConnectProperties(0, 65_535, ConnectProperties.NO_LIMIT, 0, false, false, null, null, List.of())));
        assertEquals("empty client id not allowed here", wants.connack().properties().reasonString());
        assertNull(declines.connack().properties().reasonString());
    }

    @Test
    void connackAnnouncesTheLimitsTheBrokerEnforces() {
        Connack.Properties properties = harness.v5("c").connack().properties();
        assertEquals(20, properties.receiveMaximum(), "max_inflight_messages");
        assertEquals(10, properties.topicAliasMaximum(), "max_topic_alias");
        assertNull(properties.sessionExpiryInterval(), "the client's own interval is used");
        assertNull(properties.maximumPacketSize(), "no max_packet_size");
    }

    @Test
    void aSessionResumedUnderMqtt5IsPresentOnlyWithoutCleanStart() {
        harness.v5("c", true, 600, null).lose();
        assertEquals(List.of("CONNACK 0 present"), harness.v5("c", false, 600, null).packets);
        harness.v5("d", true, 600, null).lose();
        assertEquals(List.of("CONNACK 0"), harness.connect(new ConnectRequest(5, "d", true, 60, null, null, null,
                false, v5Properties(600, 65_535))).packets);
    }
}
