package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.bootstrap.e2e.Paho5Clients.Client;
import io.culex.bootstrap.e2e.RawPackets5.Props;
import io.culex.bootstrap.e2e.RawPackets5.Received;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT 5 limits on the wire: topic aliases from the client, Receive Maximum both ways, Maximum
 * Packet Size both ways, and the reason codes of PUBACK/PUBREC/SUBACK refusals.
 */
class Mqtt5FlowControlTest extends Mqtt5TestSupport {

    @TempDir
    Path dir;

    private static Props alias(int alias) {
        return new Props().twoByte(RawPackets5.TOPIC_ALIAS, alias);
    }

    // ---- topic aliases, client -> broker (3.3.2.3.4) ----

    @Test
    void aTopicAliasIsSetThenStandsForItsTopic() throws Exception {
        start();
        RawMqtt5Client subscriber = raw("alias-sub");
        assertEquals(List.of(0), subscriber.subscribe(1, "alias/#", 0));
        RawMqtt5Client publisher = raw("alias-pub");
        publisher.send(
                RawPackets5.publish("alias/a", "one", 0, false, 0, alias(1)),
                RawPackets5.publish("", "two", 0, false, 0, alias(1)),
                RawPackets5.publish("alias/b", "three", 0, false, 0, alias(1)), // the alias is remapped
                RawPackets5.publish("", "four", 0, false, 0, alias(1)),
                RawPackets5.publish("alias/c", "five", 0, false, 0, alias(10)));
        publisher.send(RawPackets5.publish("", "six", 1, false, 7, alias(10)));
        assertEquals(0x00, publisher.expect(RawPackets5.PUBACK).reasonCode());

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Received message = subscriber.expect(RawPackets5.PUBLISH);
            seen.add(message.topic() + "=" + message.payloadText());
            // The subscriber allowed no aliases (Topic Alias Maximum absent = 0): full names, no alias.
            assertFalse(message.properties().has(RawPackets5.TOPIC_ALIAS), "alias forwarded: " + message);
        }
        assertEquals(List.of("alias/a=one", "alias/a=two", "alias/b=three", "alias/b=four", "alias/c=five",
                "alias/c=six"), seen);
    }

    /** [MQTT-3.3.2-8], [MQTT-3.3.2-9]: alias 0 or above the broker's Topic Alias Maximum: 0x94. */
    @Test
    void anAliasOutOfRangeIsRefused() throws Exception {
        start();
        RawMqtt5Client zero = raw("alias-zero");
        zero.send(RawPackets5.publish("alias/x", "x", 0, false, 0, alias(0)));
        zero.expectDisconnect(0x94);

        RawMqtt5Client eleven = raw("alias-eleven");
        eleven.send(RawPackets5.publish("alias/x", "x", 1, false, 1, alias(11)));
        eleven.expectDisconnect(0x94);
    }

    @Test
    void maxTopicAliasLowersTheMaximum() throws Exception {
        start("max_topic_alias 2");
        RawMqtt5Client client = open();
        Received connack = client.connect("alias-two", true, 60, Props.none());
        assertEquals(2L, connack.properties().number(RawPackets5.TOPIC_ALIAS_MAXIMUM));
        client.send(RawPackets5.publish("alias/x", "x", 1, false, 1, alias(2)));
        assertEquals(0x10, client.expect(RawPackets5.PUBACK).reasonCode());
        client.send(RawPackets5.publish("alias/x", "x", 1, false, 2, alias(3)));
        client.expectDisconnect(0x94);
    }

    /** [MQTT-3.3.2-7]: aliases last only for their network connection, even when the session resumes. */
    @Test
    void topicAliasesLastOnlyForTheirConnection() throws Exception {
        start();
        Props persistent = new Props().fourByte(RawPackets5.SESSION_EXPIRY_INTERVAL, 60);
        RawMqtt5Client first = raw("alias-again", persistent);
        first.send(RawPackets5.publish("alias/x", "x", 1, false, 1, alias(1)));
        first.expect(RawPackets5.PUBACK);
        first.disconnect();
        RawMqtt5Client second = open();
        assertTrue(second.connect("alias-again", false, 60, persistent).sessionPresent());
        second.send(RawPackets5.publish("", "x", 1, false, 2, alias(1)));
        second.expectDisconnect(0x82);
    }

    /** A zero-length topic with an alias that was never set cannot be resolved: Protocol Error. */
    @Test
    void anAliasNeverSetIsAProtocolError() throws Exception {
        start();
        RawMqtt5Client client = raw("alias-unknown");
        client.send(RawPackets5.publish("", "x", 1, false, 1, alias(3)));
        client.expectDisconnect(0x82);
    }

    // ---- Receive Maximum (3.1.2.11.3, 3.2.2.3.3, 4.9) ----

    /** [MQTT-3.3.4-7]: never more unacknowledged QoS 1 PUBLISHes than the client's Receive Maximum. */
    @Test
    void theBrokerSendsNoMoreThanTheClientsReceiveMaximum() throws Exception {
        start();
        RawMqtt5Client subscriber = raw("rm-sub", new Props().twoByte(RawPackets5.RECEIVE_MAXIMUM, 2));
        assertEquals(List.of(1), subscriber.subscribe(1, "rm/#", 1));
        RawMqtt5Client publisher = raw("rm-pub");
        for (int i = 1; i <= 5; i++) {
            assertEquals(0x00, publisher.publishQos1("rm/" + i, "m" + i, i, Props.none()).reasonCode());
        }

        Received first = subscriber.expect(RawPackets5.PUBLISH);
        Received second = subscriber.expect(RawPackets5.PUBLISH);
        assertEquals(List.of("m1", "m2"), List.of(first.payloadText(), second.payloadText()));
        subscriber.assertSilentFor(300);

        subscriber.send(RawPackets5.puback(first.packetId()));
        Received third = subscriber.expect(RawPackets5.PUBLISH);
        assertEquals("m3", third.payloadText());
        subscriber.assertSilentFor(300);

        subscriber.send(RawPackets5.puback(second.packetId()), RawPackets5.puback(third.packetId()));
        assertEquals("m4", subscriber.expect(RawPackets5.PUBLISH).payloadText());
        assertEquals("m5", subscriber.expect(RawPackets5.PUBLISH).payloadText());
        subscriber.assertSilentFor(200);
    }

    /** 4.9: a QoS 2 flow holds its slot of the Receive Maximum until PUBCOMP, or a PUBREC of 0x80 or more. */
    @Test
    void aQos2FlowHoldsItsSlotUntilPubcomp() throws Exception {
        start();
        RawMqtt5Client subscriber = raw("rm-q2-sub", new Props().twoByte(RawPackets5.RECEIVE_MAXIMUM, 1));
        assertEquals(List.of(2), subscriber.subscribe(1, "rm2/#", 2));
        RawMqtt5Client publisher = raw("rm-q2-pub");
        for (int i = 1; i <= 3; i++) {
            publisher.send(RawPackets5.publish("rm2/x", "m" + i, 2, false, i, Props.none()));
            publisher.expect(RawPackets5.PUBREC);
            publisher.send(RawPackets5.pubrel(i));
            publisher.expect(RawPackets5.PUBCOMP);
        }

        Received m1 = subscriber.expect(RawPackets5.PUBLISH);
        assertEquals("m1", m1.payloadText());
        assertEquals(2, m1.qos());
        subscriber.assertSilentFor(200);
        subscriber.send(RawPackets.packet(0x50, new byte[] {0, (byte) m1.packetId()})); // PUBREC
        assertEquals(m1.packetId(), subscriber.expect(RawPackets5.PUBREL).packetId());
        subscriber.assertSilentFor(200); // PUBCOMP still owed: the slot stays taken
        subscriber.send(RawPackets.packet(0x70, new byte[] {0, (byte) m1.packetId()})); // PUBCOMP
        Received m2 = subscriber.expect(RawPackets5.PUBLISH);
        assertEquals("m2", m2.payloadText());
        // PUBREC 0x80 Unspecified error: the client refuses the message, which ends the flow and frees the slot.
        subscriber.send(RawPackets.packet(0x50, new byte[] {0, (byte) m2.packetId(), (byte) 0x80, 0}));
        assertEquals("m3", subscriber.expect(RawPackets5.PUBLISH).payloadText());
    }

    /**
     * 4.9: the send quota is re-initialised with each connection, and [MQTT-3.3.4-7] holds for
     * the re-sent PUBLISHes of a resumed session too (Mosquitto queues those beyond it again).
     */
    @Test
    void aResumedSessionResendsNoMoreThanTheNewReceiveMaximum() throws Exception {
        start();
        Props persistent = new Props().fourByte(RawPackets5.SESSION_EXPIRY_INTERVAL, 60);
        RawMqtt5Client subscriber = raw("rm-resume", persistent);
        assertEquals(List.of(1), subscriber.subscribe(1, "rmr/#", 1));
        RawMqtt5Client publisher = raw("rm-resume-pub");
        for (int i = 1; i <= 5; i++) {
            publisher.publishQos1("rmr/x", "m" + i, i, Props.none());
        }
        for (int i = 1; i <= 5; i++) {
            subscriber.expect(RawPackets5.PUBLISH); // none acknowledged
        }
        subscriber.close();

        RawMqtt5Client back = open();
        Received connack = back.connect("rm-resume", false, 60, new Props()
                .fourByte(RawPackets5.SESSION_EXPIRY_INTERVAL, 60).twoByte(RawPackets5.RECEIVE_MAXIMUM, 2));
        assertTrue(connack.sessionPresent());
        Received first = back.expect(RawPackets5.PUBLISH);
        Received second = back.expect(RawPackets5.PUBLISH);
        assertEquals(List.of("m1", "m2"), List.of(first.payloadText(), second.payloadText()));
        back.assertSilentFor(300);
        back.send(RawPackets5.puback(first.packetId()));
        assertEquals("m3", back.expect(RawPackets5.PUBLISH).payloadText());
    }

    @Test
    void aPahoClientWithASmallReceiveMaximumGetsEverything() throws Exception {
        start();
        var options = Paho5Clients.options(true, 0L);
        options.setReceiveMaximum(2);
        Client subscriber = clients5.connect("rm-paho", options);
        subscriber.subscribe("rm/#", 1);
        Client publisher = clients5.connect("rm-paho-pub");
        for (int i = 0; i < 10; i++) {
            publisher.publish("rm/x", "m" + i, 1, false);
        }
        for (int i = 0; i < 10; i++) {
            assertEquals("m" + i, subscriber.next().payload());
        }
        assertNull(subscriber.nextOrNull(200));
    }

    /**
     * 3.2.2.3.3 and 4.9: more unreleased QoS 2 PUBLISHes than the broker's Receive Maximum
     * (max_inflight_messages) is answered with DISCONNECT 0x93.
     */
    @Test
    void moreUnreleasedQos2PublishesThanTheReceiveMaximumEndTheConnection() throws Exception {
        start("max_inflight_messages 3");
        RawMqtt5Client client = open();
        assertEquals(3L, client.connect("rm-qos2", true, 60, Props.none()).properties()
                .number(RawPackets5.RECEIVE_MAXIMUM));
        for (int id = 1; id <= 3; id++) {
            client.send(RawPackets5.publish("rm/q2", "m" + id, 2, false, id, Props.none()));
            assertEquals(id, client.expect(RawPackets5.PUBREC).packetId());
        }
        // A release frees a slot; a re-sent PUBLISH still awaiting PUBREL is not a new one.
        client.send(RawPackets5.pubrel(1));
        assertEquals(1, client.expect(RawPackets5.PUBCOMP).packetId());
        client.send(RawPackets5.publish("rm/q2", "m4", 2, false, 4, Props.none()));
        assertEquals(4, client.expect(RawPackets5.PUBREC).packetId());

        client.send(RawPackets5.publish("rm/q2", "m5", 2, false, 5, Props.none()));
        client.expectDisconnect(0x93);
    }

    // ---- Maximum Packet Size (3.1.2.11.4, 3.2.2.3.6) ----

    /** A PUBLISH to "big" of {@code totalSize} bytes in all, fixed header included, at QoS 1 with id 1. */
    private static byte[] publishOfSize(int totalSize) {
        byte[] empty = RawPackets5.publish("big", new byte[0], 1, false, 1, Props.none());
        int payload = totalSize - empty.length;
        byte[] packet = RawPackets5.publish("big", new byte[payload], 1, false, 1, Props.none());
        if (packet.length != totalSize) { // the remaining length took one more byte
            packet = RawPackets5.publish("big", new byte[payload - (packet.length - totalSize)], 1, false, 1,
                    Props.none());
        }
        assertEquals(totalSize, packet.length);
        return packet;
    }

    /** 3.2.2.3.6: a packet over the Maximum Packet Size the broker sent in CONNACK gets DISCONNECT 0x95. */
    @Test
    void aPacketOverMaxPacketSizeIsRefused() throws Exception {
        start("max_packet_size 200");
        RawMqtt5Client client = open();
        assertEquals(200L, client.connect("big-pub", true, 60, Props.none()).properties()
                .number(RawPackets5.MAXIMUM_PACKET_SIZE));
        client.send(publishOfSize(200));
        assertEquals(0x10, client.expect(RawPackets5.PUBACK).reasonCode(), "exactly the maximum is allowed");
        client.send(publishOfSize(300));
        client.expectDisconnect(0x95);
    }

    /**
     * The Maximum Packet Size counts the whole packet (2.1.4, 3.2.2.3.6): one byte over it is too
     * large, also when the remaining length takes two bytes.
     */
    @Test
    void aPacketOneByteOverMaxPacketSizeIsRefused() throws Exception {
        start("max_packet_size 200");
        RawMqtt5Client client = raw("big-pub");
        client.send(publishOfSize(201));
        client.expectDisconnect(0x95);
    }

    /**
     * [MQTT-3.1.2-24], [MQTT-3.1.2-25]: a message bigger than the client's Maximum Packet Size is
     * not sent to it (it is discarded as if sent); other subscribers get it.
     */
    @Test
    void aMessageOverTheClientsMaximumPacketSizeIsNotSentToIt() throws Exception {
        start();
        RawMqtt5Client limited = raw("small-only", new Props().fourByte(RawPackets5.MAXIMUM_PACKET_SIZE, 100));
        assertEquals(List.of(1), limited.subscribe(1, "size/#", 1));
        RawMqtt5Client unlimited = raw("any-size");
        assertEquals(List.of(1), unlimited.subscribe(1, "size/#", 1));
        RawMqtt5Client publisher = raw("size-pub");
        byte[] big = new byte[200];
        Arrays.fill(big, (byte) 'b');
        publisher.send(RawPackets5.publish("size/big", big, 1, false, 1, Props.none()));
        assertEquals(0x00, publisher.expect(RawPackets5.PUBACK).reasonCode());
        publisher.send(RawPackets5.publish("size/big0", big, 0, false, 0, Props.none()));
        assertEquals(0x00, publisher.publishQos1("size/small", "small", 2, Props.none()).reasonCode());

        Received first = limited.expect(RawPackets5.PUBLISH);
        assertEquals("size/small", first.topic(), "the big ones were skipped");
        limited.send(RawPackets5.puback(first.packetId()));
        limited.assertSilentFor(200);

        Received bigOne = unlimited.expect(RawPackets5.PUBLISH);
        assertEquals("size/big", bigOne.topic());
        assertArrayEquals(big, bigOne.payload());
        assertEquals("size/big0", unlimited.expect(RawPackets5.PUBLISH).topic());
        assertEquals("size/small", unlimited.expect(RawPackets5.PUBLISH).topic());
    }

    /**
     * 3.4.2.2.2 [MQTT-3.4.2-2]: a Reason String is left out of a PUBACK it would make bigger than the
     * client's Maximum Packet Size (the client asked for problem information, so it gets one otherwise).
     */
    @Test
    void aPubackReasonStringIsLeftOutWhenTooBigForTheClient() throws Exception {
        start();
        RawMqtt5Client client = raw("tiny", new Props().fourByte(RawPackets5.MAXIMUM_PACKET_SIZE, 16));
        client.send(RawPackets5.publish("pfi", new byte[] {(byte) 0xC3, 0x28}, 1, false, 1,
                new Props().byteProp(RawPackets5.PAYLOAD_FORMAT_INDICATOR, 1)));
        Received puback = client.expect(RawPackets5.PUBACK);
        assertEquals(0x99, puback.reasonCode());
        int size = client.lastPacketSize();
        assertTrue(size <= 16, "PUBACK of " + size + " bytes to a client allowing 16: " + puback);
    }

    // ---- reason codes of acknowledgements ----

    /** 3.4.2.1: 0x10 No matching subscribers, for QoS 1 and QoS 2 alike; 0x00 once someone subscribed. */
    @Test
    void noMatchingSubscribersIsSaid() throws Exception {
        start();
        RawMqtt5Client publisher = raw("nobody");
        assertEquals(0x10, publisher.publishQos1("lonely/x", "x", 1, Props.none()).reasonCode());
        publisher.send(RawPackets5.publish("lonely/x", "x", 2, false, 2, Props.none()));
        assertEquals(0x10, publisher.expect(RawPackets5.PUBREC).reasonCode());
        publisher.send(RawPackets5.pubrel(2));
        assertEquals(0x00, publisher.expect(RawPackets5.PUBCOMP).reasonCode());

        raw("somebody").subscribe(1, "lonely/#", 0);
        assertEquals(0x00, publisher.publishQos1("lonely/x", "x", 3, Props.none()).reasonCode());
    }

    @Test
    void theAclRefusesWithNotAuthorized() throws Exception {
        Path acl = dir.resolve("acl");
        Files.writeString(acl, "topic readwrite open/#\n");
        start("acl_file " + acl);
        RawMqtt5Client client = raw("acl-v5");
        Received denied = client.publishQos1("closed/x", "x", 1, Props.none());
        assertEquals(0x87, denied.reasonCode());
        assertNotNull(denied.reasonString(), "reason string on " + denied);
        client.send(RawPackets5.publish("closed/x", "x", 2, false, 2, Props.none()));
        assertEquals(0x87, client.expect(RawPackets5.PUBREC).reasonCode());

        assertEquals(List.of(0x87), client.subscribe(3, "closed/#", 1));
        assertEquals(List.of(1), client.subscribe(4, "open/#", 1));
        assertEquals(0x00, client.publishQos1("open/x", "x", 5, Props.none()).reasonCode());
        assertEquals("open/x", client.expect(RawPackets5.PUBLISH).topic());
    }

    /** 3.2.2.3.5: with Retain Available 0 in CONNACK, a retained PUBLISH gets DISCONNECT 0x9A. */
    @Test
    void aRetainedPublishWhenRetainIsNotAvailableEndsTheConnection() throws Exception {
        start("retain_available false");
        RawMqtt5Client client = open();
        Received connack = client.connect("no-retain", true, 60, Props.none());
        assertEquals(0L, connack.properties().number(RawPackets5.RETAIN_AVAILABLE));
        assertEquals(0x10, client.publishQos1("r/x", "not retained", 1, Props.none()).reasonCode());
        client.send(RawPackets5.publish("r/x", "retained", 1, true, 2, Props.none()));
        client.expectDisconnect(0x9A);
        assertEquals(0, broker.broker().broker().retainedCount());
    }
}
