package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketRecordsTest {

    @Test
    void connectToStringNeverShowsThePassword() {
        ConnectPacket packet = new ConnectPacket("MQTT", 4, "c", true, 0, "alice", SamplePackets.utf8("hunter2"), null);

        String text = packet.toString();

        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("[B@"), text);
        assertTrue(text.contains("password=<redacted>"), text);
        assertTrue(text.contains("username=alice"), text);
    }

    @Test
    void payloadsPrintAsTheirLength() {
        PublishPacket publish = new PublishPacket("a/b", SamplePackets.utf8("hello"), 1, false, false, 3);
        WillPacketPart will = new WillPacketPart("w", new byte[12], 0, false);

        assertEquals("PublishPacket[topic=a/b, payload=5 bytes, qos=1, retain=false, dup=false, packetId=3]",
                publish.toString());
        assertEquals("WillPacketPart[topic=w, payload=12 bytes, qos=0, retain=false]", will.toString());
    }

    @Test
    void packetsWithByteArraysCompareByContent() {
        PublishPacket a = new PublishPacket("t", SamplePackets.utf8("x"), 0, false, false, 0);
        PublishPacket b = new PublishPacket("t", SamplePackets.utf8("x"), 0, false, false, 0);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new PublishPacket("t", SamplePackets.utf8("y"), 0, false, false, 0));
        assertEquals(SamplePackets.fullConnect(), SamplePackets.fullConnect());
        assertEquals(SamplePackets.fullConnect().hashCode(), SamplePackets.fullConnect().hashCode());
        assertNotEquals(SamplePackets.fullConnect(), withPassword(SamplePackets.fullConnect(), "other"));
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<TopicSubscription> subscriptions = new ArrayList<>(List.of(new TopicSubscription("a", 0)));
        List<Integer> codes = new ArrayList<>(List.of(0));
        List<String> filters = new ArrayList<>(List.of("a"));
        SubscribePacket subscribe = new SubscribePacket(1, subscriptions);
        SubackPacket suback = new SubackPacket(1, codes);
        UnsubscribePacket unsubscribe = new UnsubscribePacket(1, filters);

        subscriptions.add(new TopicSubscription("b", 1));
        codes.add(1);
        filters.add("b");

        assertEquals(1, subscribe.subscriptions().size());
        assertEquals(1, suback.returnCodes().size());
        assertEquals(1, unsubscribe.filters().size());
        assertThrows(UnsupportedOperationException.class, () -> subscribe.subscriptions().add(null));
        assertThrows(UnsupportedOperationException.class, () -> suback.returnCodes().add(0));
        assertThrows(UnsupportedOperationException.class, () -> unsubscribe.filters().add("c"));
    }

    @Test
    void fieldsOutsideTheirWireRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublishPacket("t", new byte[0], 3, false, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new PublishPacket("t", new byte[0], 1, false, false, 65_536));
        assertThrows(IllegalArgumentException.class, () -> new PubackPacket(-1));
        assertThrows(IllegalArgumentException.class, () -> new TopicSubscription("a", 3));
        assertThrows(IllegalArgumentException.class, () -> new WillPacketPart("w", new byte[0], -1, false));
        assertThrows(IllegalArgumentException.class, () -> new ConnackPacket(false, 256));
        assertThrows(IllegalArgumentException.class, () -> new SubackPacket(1, List.of(256)));
        assertThrows(IllegalArgumentException.class, () -> new ConnectPacket("MQTT", 4, "c", true, 65_536, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ConnectPacket("MQTT", 256, "c", true, 0, null, null, null));
    }

    @Test
    void requiredFieldsMustNotBeNull() {
        assertThrows(NullPointerException.class, () -> new PublishPacket(null, new byte[0], 0, false, false, 0));
        assertThrows(NullPointerException.class, () -> new PublishPacket("t", null, 0, false, false, 0));
        assertThrows(NullPointerException.class, () -> new ConnectPacket("MQTT", 4, null, true, 0, null, null, null));
        assertThrows(NullPointerException.class, () -> new SubscribePacket(1, null));
    }

    @Test
    void mqtt3ConstructorsDefaultToSuccessAndNoProperties() {
        assertEquals(new PubackPacket(1, 0, MqttProperties.EMPTY), new PubackPacket(1));
        assertEquals(new PubrecPacket(1, 0, MqttProperties.EMPTY), new PubrecPacket(1));
        assertEquals(new PubrelPacket(1, 0, MqttProperties.EMPTY), new PubrelPacket(1));
        assertEquals(new PubcompPacket(1, 0, MqttProperties.EMPTY), new PubcompPacket(1));
        assertEquals(new UnsubackPacket(1, List.of(), MqttProperties.EMPTY), new UnsubackPacket(1));
        assertEquals(new ConnackPacket(true, 0, MqttProperties.EMPTY), new ConnackPacket(true, 0));
        assertEquals(new TopicSubscription("a", 1, false, false, 0), new TopicSubscription("a", 1));
        assertEquals(new DisconnectPacket(0, MqttProperties.EMPTY), DisconnectPacket.INSTANCE);
        assertEquals(MqttProperties.EMPTY, SamplePackets.fullConnect().properties());
        assertEquals(MqttProperties.EMPTY, SamplePackets.fullConnect().will().properties());
    }

    @Test
    void propertiesTakePartInEquality() {
        MqttProperties alias = MqttProperties.builder().topicAlias(1).build();

        assertNotEquals(new PublishPacket("t", new byte[0], 0, false, false, 0),
                new PublishPacket("t", new byte[0], 0, false, false, 0, alias));
        assertNotEquals(SamplePackets.fullConnect5(), new ConnectPacket("MQTT", 5, "client-5", false, 65535, null,
                SamplePackets.utf8("token"), SamplePackets.fullConnect5().will(), MqttProperties.EMPTY));
        assertNotEquals(new WillPacketPart("w", new byte[0], 0, false),
                new WillPacketPart("w", new byte[0], 0, false, MqttProperties.builder().willDelayInterval(1L).build()));
        assertEquals(SamplePackets.fullConnect5().hashCode(), SamplePackets.fullConnect5().hashCode());
    }

    @Test
    void propertiesPrintOnlyWhenThereAreAny() {
        PublishPacket publish = new PublishPacket("t", new byte[0], 0, false, false, 0,
                MqttProperties.builder().topicAlias(2).build());

        assertEquals("PublishPacket[topic=t, payload=0 bytes, qos=0, retain=false, dup=false, packetId=0, "
                + "properties=MqttProperties[topicAlias=2]]", publish.toString());
        assertFalse(SamplePackets.fullConnect().toString().contains("properties"));
        assertTrue(SamplePackets.fullConnect5().toString().contains("sessionExpiryInterval=3600"));
        assertFalse(SamplePackets.fullConnect5().toString().contains("client-first"), "authentication data is binary");
    }

    @Test
    void mqtt5FieldsOutsideTheirWireRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TopicSubscription("a", 0, false, false, 3));
        assertThrows(IllegalArgumentException.class, () -> new TopicSubscription("a", 0, false, false, -1));
        assertThrows(IllegalArgumentException.class, () -> new PubackPacket(1, 256, MqttProperties.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new DisconnectPacket(-1, MqttProperties.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new AuthPacket(256, MqttProperties.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new UnsubackPacket(1, List.of(300), MqttProperties.EMPTY));
        assertThrows(NullPointerException.class, () -> new PubackPacket(1, 0, null));
        assertThrows(NullPointerException.class, () -> new PublishPacket("t", new byte[0], 0, false, false, 0, null));
        assertThrows(NullPointerException.class, () -> new WillPacketPart("w", new byte[0], 0, false, null));
    }

    @Test
    void mqtt3ConnackReturnCodesTranslateToTheirMqtt5ReasonCodes() {
        assertEquals(List.of(0x00, 0x84, 0x85, 0x88, 0x86, 0x87),
                List.of(0, 1, 2, 3, 4, 5).stream().map(ConnackPacket::mqtt5ReasonCode).toList());
        assertThrows(IllegalArgumentException.class, () -> ConnackPacket.mqtt5ReasonCode(6));
    }

    private static ConnectPacket withPassword(ConnectPacket p, String password) {
        return new ConnectPacket(p.protocolName(), p.protocolLevel(), p.clientId(), p.cleanSession(), p.keepAliveSeconds(),
                p.username(), SamplePackets.utf8(password), p.will());
    }
}
