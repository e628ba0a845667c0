package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.RawPackets5.Props;
import io.culex.bootstrap.e2e.RawPackets5.Received;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 protocol errors over a raw socket, as the client sees them on the wire: the DISCONNECT
 * reason code the broker sends before closing (MQTT 5.0, 4.13), reason strings on refusals and
 * the Payload Format Indicator check.
 */
class Mqtt5ProtocolErrorsTest extends Mqtt5TestSupport {

    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, 0x28};

    @BeforeEach
    void startDefaultBroker() {
        start();
    }

    @Test
    void aPropertyNotAllowedOnThePacketIsAMalformedPacket() throws Exception {
        RawMqtt5Client client = raw("not-allowed");
        // Topic Alias Maximum belongs to CONNECT and CONNACK only (table 2.2.2.2).
        client.send(RawPackets5.publish("p/x", "x", 0, false, 0, new Props().twoByte(RawPackets5.TOPIC_ALIAS_MAXIMUM, 5)));
        client.expectDisconnect(0x81);
    }

    @Test
    void aPropertyGivenTwiceIsAProtocolError() throws Exception {
        RawMqtt5Client client = raw("twice");
        // 3.3.2.3.9: it is a Protocol Error to include the Content Type more than once.
        client.send(RawPackets5.publish("p/x", "x", 1, false, 1,
                new Props().string(RawPackets5.CONTENT_TYPE, "a").string(RawPackets5.CONTENT_TYPE, "b")));
        client.expectDisconnect(0x82);
    }

    /**
     * 4.13.1: on a Malformed Packet or Protocol Error in CONNECT the server MAY send CONNACK with a
     * reason code before closing; Culex closes at once without one.
     */
    @Test
    void aConnectWithABadPropertyListIsClosedWithoutConnack() throws Exception {
        RawMqtt5Client twice = open();
        twice.send(RawPackets5.connect("dup-connect", true, 60,
                new Props().fourByte(RawPackets5.SESSION_EXPIRY_INTERVAL, 10)
                        .fourByte(RawPackets5.SESSION_EXPIRY_INTERVAL, 20)));
        assertEquals(List.of(), twice.awaitClosed());

        RawMqtt5Client notAllowed = open();
        notAllowed.send(RawPackets5.connect("alias-connect", true, 60, new Props().twoByte(RawPackets5.TOPIC_ALIAS, 1)));
        assertEquals(List.of(), notAllowed.awaitClosed());

        assertEquals(0, broker.broker().broker().sessionCount(), "neither was connected");
    }

    @Test
    void aRefusedPublishCarriesAReasonString() throws Exception {
        RawMqtt5Client client = raw("reasons");
        Received puback = client.publishQos1("pfi/x", "", 1, Props.none());
        assertEquals(0x10, puback.reasonCode(), "no subscribers yet");

        client.send(RawPackets5.publish("pfi/x", INVALID_UTF8, 1, false, 2,
                new Props().byteProp(RawPackets5.PAYLOAD_FORMAT_INDICATOR, 1)));
        Received refused = client.expect(RawPackets5.PUBACK);
        assertEquals(0x99, refused.reasonCode());
        assertNotNull(refused.reasonString(), "reason string on " + refused);
        assertFalse(refused.reasonString().isBlank());
    }

    /** 3.1.2.11.7 [MQTT-3.1.2-29]: with Request Problem Information 0, no Reason String on a PUBACK. */
    @Test
    void noReasonStringWhenProblemInformationIsNotRequested() throws Exception {
        RawMqtt5Client client = raw("no-reasons", new Props().byteProp(RawPackets5.REQUEST_PROBLEM_INFORMATION, 0));
        client.send(RawPackets5.publish("pfi/x", INVALID_UTF8, 1, false, 1,
                new Props().byteProp(RawPackets5.PAYLOAD_FORMAT_INDICATOR, 1)));
        Received refused = client.expect(RawPackets5.PUBACK);
        assertEquals(0x99, refused.reasonCode());
        assertFalse(refused.properties().has(RawPackets5.REASON_STRING), "properties " + refused.properties());
        assertFalse(refused.properties().has(RawPackets5.USER_PROPERTY), "properties " + refused.properties());
    }

    /** 3.3.2.3.2 / 4.13: a payload that is not the UTF-8 its indicator declares is refused with 0x99. */
    @Test
    void invalidUtf8WithPayloadFormatIndicatorIsRefusedAndNotDelivered() throws Exception {
        RawMqtt5Client subscriber = raw("pfi-sub");
        assertEquals(List.of(1), subscriber.subscribe(1, "pfi/#", 1));
        RawMqtt5Client publisher = raw("pfi-pub");
        Props utf8 = new Props().byteProp(RawPackets5.PAYLOAD_FORMAT_INDICATOR, 1);

        publisher.send(RawPackets5.publish("pfi/1", INVALID_UTF8, 1, false, 1, utf8));
        assertEquals(0x99, publisher.expect(RawPackets5.PUBACK).reasonCode());
        publisher.send(RawPackets5.publish("pfi/2", INVALID_UTF8, 2, false, 2,
                new Props().byteProp(RawPackets5.PAYLOAD_FORMAT_INDICATOR, 1)));
        Received pubrec = publisher.expect(RawPackets5.PUBREC);
        assertEquals(0x99, pubrec.reasonCode());
        // Without the indicator the same bytes are just binary.
        Received accepted = publisher.publishQos1("pfi/3", "", 3, Props.none());
        assertEquals(0x00, accepted.reasonCode());
        publisher.send(RawPackets5.publish("pfi/4", RawPackets.utf8("gr\u00fc\u00df"), 1, false, 4, utf8));
        assertEquals(0x00, publisher.expect(RawPackets5.PUBACK).reasonCode());

        Received first = subscriber.expect(RawPackets5.PUBLISH);
        assertEquals("pfi/3", first.topic(), "the refused messages were not routed");
        Received second = subscriber.expect(RawPackets5.PUBLISH);
        assertEquals("pfi/4", second.topic());
        assertEquals("gr\u00fc\u00df", second.payloadText());
        assertEquals(1L, second.properties().number(RawPackets5.PAYLOAD_FORMAT_INDICATOR));
    }

    @Test
    void invalidUtf8AtQos0EndsTheConnectionWith0x99() throws Exception {
        RawMqtt5Client client = raw("pfi-qos0");
        client.send(RawPackets5.publish("pfi/x", INVALID_UTF8, 0, false, 0,
                new Props().byteProp(RawPackets5.PAYLOAD_FORMAT_INDICATOR, 1)));
        Received disconnect = client.expectDisconnect(0x99);
        assertNotNull(disconnect.reasonString());
    }

    /** 3.1.2.10: no packet for 1.5 times the keepalive: DISCONNECT 0x8D Keep Alive timeout. */
    @Test
    void aSilentClientIsDisconnectedWithKeepAliveTimeout() throws Exception {
        RawMqtt5Client client = open();
        assertEquals(0, client.connect("silent", true, 1, Props.none()).reasonCode());
        long start = System.nanoTime();
        client.expectDisconnect(0x8D);
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 1000 && elapsed < 3500, "disconnected after " + elapsed + " ms");
    }

    /** 3.1.0 [MQTT-3.1.0-2]: a second CONNECT is a Protocol Error. */
    @Test
    void aSecondConnectIsAProtocolError() throws Exception {
        RawMqtt5Client client = raw("twice-connected");
        client.send(RawPackets5.connect("twice-connected", true, 60, Props.none()));
        client.expectDisconnect(0x82);
    }
}
