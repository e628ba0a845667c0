package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.RawPackets5.Props;
import io.culex.bootstrap.e2e.RawPackets5.Received;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an MQTT 5 client learns from CONNACK, and the refusals it can get, over a raw socket. */
class Mqtt5ConnackTest extends Mqtt5TestSupport {

    @Test
    void serverReferenceTellsMqtt5ClientsToUseAnotherServer() throws Exception {
        start("server_reference other:1883");
        RawMqtt5Client client = open();
        Received connack = client.connect("redirected", true, 60, Props.none());
        assertEquals(0x9C, connack.reasonCode());
        assertEquals("other:1883", connack.properties().string(RawPackets5.SERVER_REFERENCE));
        assertEquals(List.of(), client.awaitClosed());

        // 3.1.1 has no way to say it: those clients are served here.
        try (RawMqttClient v311 = RawMqttClient.connect(port(), "old-client")) {
            v311.send(RawPackets.pingreq());
            v311.expect(0xD0, 0x00);
        }
    }

    @Test
    void permanentServerReferenceSaysTheServerMoved() throws Exception {
        start("server_reference other:1883 permanent");
        RawMqtt5Client client = open();
        Received connack = client.connect("moved", true, 60, Props.none());
        assertEquals(0x9D, connack.reasonCode());
        assertEquals("other:1883", connack.properties().string(RawPackets5.SERVER_REFERENCE));
        assertEquals(List.of(), client.awaitClosed());
        try (RawMqttClient v311 = RawMqttClient.connect(port(), "old-client")) {
            v311.send(RawPackets.pingreq());
            v311.expect(0xD0, 0x00);
        }
    }

    /** 3.1.3.1, 3.2.2.3.7 [MQTT-3.2.2-16]: an empty client id gets one assigned, returned in CONNACK. */
    @Test
    void anEmptyClientIdIsAssignedOne() throws Exception {
        start();
        RawMqtt5Client client = open();
        Received connack = client.connect("", true, 60, Props.none());
        assertEquals(0, connack.reasonCode());
        String assigned = connack.properties().string(RawPackets5.ASSIGNED_CLIENT_IDENTIFIER);
        assertTrue(assigned != null && assigned.startsWith("auto-") && assigned.length() > 5, "assigned " + assigned);

        Received another = open().connect("", true, 60, Props.none());
        assertFalse(assigned.equals(another.properties().string(RawPackets5.ASSIGNED_CLIENT_IDENTIFIER)),
                "each client gets its own id");
        Received named = open().connect("named", true, 60, Props.none());
        assertFalse(named.properties().has(RawPackets5.ASSIGNED_CLIENT_IDENTIFIER));
    }

    /** 3.2.2.3.14: the server's keepalive, when it differs from the client's, is sent as Server Keep Alive. */
    @Test
    void maxKeepaliveIsSentAsServerKeepAlive() throws Exception {
        start("max_keepalive 10");
        Received tooLong = open().connect("long", true, 60, Props.none());
        assertEquals(0, tooLong.reasonCode());
        assertEquals(10L, tooLong.properties().number(RawPackets5.SERVER_KEEP_ALIVE));

        Received none = open().connect("none", true, 0, Props.none());
        assertEquals(10L, none.properties().number(RawPackets5.SERVER_KEEP_ALIVE), "0 (no keepalive) is capped too");

        Received shorter = open().connect("short", true, 5, Props.none());
        assertNull(shorter.properties().number(RawPackets5.SERVER_KEEP_ALIVE), "the client's own applies");
    }

    /** 3.2.2.3.14 [MQTT-3.2.2-21]: the Server Keep Alive is the one the broker then holds the client to. */
    @Test
    void theServerKeepAliveIsEnforced() throws Exception {
        start("max_keepalive 1");
        RawMqtt5Client client = open();
        Received connack = client.connect("held-to-it", true, 60, Props.none());
        assertEquals(1L, connack.properties().number(RawPackets5.SERVER_KEEP_ALIVE));
        long start = System.nanoTime();
        client.expectDisconnect(0x8D);
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 1000 && elapsed < 3500, "disconnected after " + elapsed + " ms");
    }

    /** 4.12: an Authentication Method the server does not support: CONNACK 0x8C, then close. */
    @Test
    void anUnknownAuthenticationMethodIsRefused() throws Exception {
        start();
        RawMqtt5Client client = open();
        Received connack = client.connect("auth", true, 60,
                new Props().string(RawPackets5.AUTHENTICATION_METHOD, "NO-SUCH-METHOD"));
        assertEquals(0x8C, connack.reasonCode());
        assertFalse(connack.sessionPresent());
        assertEquals(List.of(), client.awaitClosed());
    }

    /** 3.2.2.3.9 [MQTT-3.2.2-19]: no Reason String in a CONNACK it would make bigger than the client's Maximum Packet Size. */
    @Test
    void aConnackReasonStringIsLeftOutWhenTooBigForTheClient() throws Exception {
        start();
        RawMqtt5Client client = open();
        Received connack = client.connect("tiny-auth", true, 60, new Props()
                .fourByte(RawPackets5.MAXIMUM_PACKET_SIZE, 16)
                .string(RawPackets5.AUTHENTICATION_METHOD, "NO-SUCH-METHOD"));
        assertEquals(0x8C, connack.reasonCode());
        int size = client.lastPacketSize();
        assertTrue(size <= 16, "CONNACK of " + size + " bytes to a client allowing 16: " + connack);
    }

    @Test
    void theDefaultsAnnouncedInConnack() throws Exception {
        start();
        Received connack = open().connect("defaults", true, 60, Props.none());
        assertEquals(20L, connack.properties().number(RawPackets5.RECEIVE_MAXIMUM), "max_inflight_messages");
        assertEquals(10L, connack.properties().number(RawPackets5.TOPIC_ALIAS_MAXIMUM), "max_topic_alias");
        assertFalse(connack.properties().has(RawPackets5.MAXIMUM_PACKET_SIZE), "no max_packet_size: no limit");
        assertFalse(connack.properties().has(RawPackets5.RETAIN_AVAILABLE), "absent means available");
        assertFalse(connack.properties().has(RawPackets5.MAXIMUM_QOS), "absent means QoS 2");
    }

    @Test
    void configuredLimitsAreAnnouncedInConnack() throws Exception {
        start("max_inflight_messages 3", "max_topic_alias 2", "max_packet_size 200", "retain_available false");
        Received connack = open().connect("limits", true, 60, Props.none());
        assertEquals(3L, connack.properties().number(RawPackets5.RECEIVE_MAXIMUM));
        assertEquals(2L, connack.properties().number(RawPackets5.TOPIC_ALIAS_MAXIMUM));
        assertEquals(200L, connack.properties().number(RawPackets5.MAXIMUM_PACKET_SIZE));
        assertEquals(0L, connack.properties().number(RawPackets5.RETAIN_AVAILABLE));
    }

    @Test
    void noTopicAliasMaximumWhenAliasesAreOff() throws Exception {
        start("max_topic_alias 0");
        RawMqtt5Client client = open();
        Received connack = client.connect("no-aliases", true, 60, Props.none());
        assertFalse(connack.properties().has(RawPackets5.TOPIC_ALIAS_MAXIMUM), "absent means 0: " + connack);
        // 3.3.2.3.4 [MQTT-3.3.2-9]: then any alias is out of range.
        client.send(RawPackets5.publish("t", "x", 0, false, 0, new Props().twoByte(RawPackets5.TOPIC_ALIAS, 1)));
        client.expectDisconnect(0x94);
    }
}
