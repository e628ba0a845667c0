package io.culex.adapters.netty.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** Valid packets of every type, with the variations that change the wire layout. */
final class SamplePackets {

    private SamplePackets() {}

    static List<MqttPacket> all() {
        return List.of(
                minimalConnect(),
                fullConnect(),
                mqtt31Connect(),
                new ConnackPacket(false, 0),
                new ConnackPacket(true, 0),
                new ConnackPacket(false, 5),
                new PublishPacket("a/b", utf8("hello"), 0, false, false, 0),
                new PublishPacket("a/b", new byte[0], 0, true, false, 0),
                new PublishPacket("sensors/ü/€/\uD834\uDD1E", utf8("x"), 1, false, false, 1),
                new PublishPacket("q2", filled(300), 2, true, true, 65535),
                new PublishPacket("big", filled(70_000), 1, false, false, 7),
                new PubackPacket(1),
                new PubrecPacket(258),
                new PubrelPacket(65535),
                new PubcompPacket(4660),
                new SubscribePacket(10, List.of(new TopicSubscription("a/+/c", 0))),
                new SubscribePacket(11, List.of(
                        new TopicSubscription("#", 2),
                        new TopicSubscription("x/y", 1),
                        new TopicSubscription("misplaced#wildcard", 0))),
                new SubackPacket(10, List.of(0)),
                new SubackPacket(11, List.of(2, 1, 0x80)),
                new UnsubscribePacket(12, List.of("a/+/c")),
                new UnsubscribePacket(13, List.of("#", "x/y")),
                new UnsubackPacket(12),
                PingreqPacket.INSTANCE,
                PingrespPacket.INSTANCE,
                DisconnectPacket.INSTANCE);
    }

    /** For {@code @MethodSource}. */
    static Stream<MqttPacket> stream() {
        return all().stream();
    }

    /** MQTT 5 packets of every type, with properties of each data type and each optional part present or not. */
    static List<MqttPacket> mqtt5() {
        return List.of(
                minimalConnect5(),
                fullConnect5(),
                new ConnackPacket(false, 0, MqttProperties.EMPTY),
                new ConnackPacket(true, 0, MqttProperties.builder()
                        .sessionExpiryInterval(4_294_967_295L).receiveMaximum(20).maximumQos(1).retainAvailable(0)
                        .maximumPacketSize(1_048_576L).assignedClientIdentifier("auto-7").topicAliasMaximum(10)
                        .reasonString("welcome").userProperty("region", "eu").wildcardSubscriptionAvailable(1)
                        .subscriptionIdentifierAvailable(1).sharedSubscriptionAvailable(0).serverKeepAlive(120)
                        .responseInformation("resp/").serverReference("other:1883").authenticationMethod("PLAIN")
                        .authenticationData(utf8("ok")).build()),
                new ConnackPacket(false, 0x86, MqttProperties.builder().reasonString("bad credentials").build()),
                new PublishPacket("a/b", utf8("hello"), 0, false, false, 0, MqttProperties.EMPTY),
                new PublishPacket("a/b", utf8("hello"), 1, true, false, 7, publishProperties()),
                new PublishPacket("", filled(300), 2, false, true, 65535, MqttProperties.builder().topicAlias(4).build()),
                new PublishPacket("x", new byte[0], 1, false, false, 9, MqttProperties.builder()
                        .subscriptionIdentifiers(List.of(1, 268_435_455)).build()),
                new PubackPacket(1, 0, MqttProperties.EMPTY),
                new PubackPacket(2, 0x10, MqttProperties.EMPTY),
                new PubackPacket(3, 0x97, MqttProperties.builder().reasonString("quota").userProperty("a", "b").build()),
                new PubrecPacket(258, 0x80, MqttProperties.EMPTY),
                new PubrelPacket(65535, 0x92, MqttProperties.EMPTY),
                new PubcompPacket(4660, 0, MqttProperties.builder().userProperty("k", "v").build()),
                new SubscribePacket(10, List.of(new TopicSubscription("a/+/c", 0)), MqttProperties.EMPTY),
                new SubscribePacket(11, List.of(
                        new TopicSubscription("#", 2, true, true, 2),
                        new TopicSubscription("x/y", 1, false, true, 1),
                        new TopicSubscription("$share/g/z", 0, true, false, 0)),
                        MqttProperties.builder().subscriptionIdentifier(42).userProperty("u", "p").build()),
                new SubackPacket(10, List.of(0), MqttProperties.EMPTY),
                new SubackPacket(11, List.of(2, 0x80, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2),
                        MqttProperties.builder().reasonString("some refused").build()),
                new UnsubscribePacket(12, List.of("a/+/c"), MqttProperties.EMPTY),
                new UnsubscribePacket(13, List.of("#", "x/y"), MqttProperties.builder().userProperty("a", "b").build()),
                new UnsubackPacket(12, List.of(0), MqttProperties.EMPTY),
                new UnsubackPacket(13, List.of(0x11, 0x80, 0x83, 0x87, 0x8F, 0x91),
                        MqttProperties.builder().reasonString("r").build()),
                PingreqPacket.INSTANCE,
                PingrespPacket.INSTANCE,
                DisconnectPacket.INSTANCE,
                new DisconnectPacket(0x04, MqttProperties.EMPTY),
                new DisconnectPacket(0x8E, MqttProperties.builder().reasonString("taken over").sessionExpiryInterval(0L)
                        .serverReference("b:1883").userProperty("x", "y").build()),
                new AuthPacket(0, MqttProperties.EMPTY),
                new AuthPacket(0x18, MqttProperties.builder().authenticationMethod("SCRAM-SHA-256")
                        .authenticationData(filled(32)).reasonString("continue").build()),
                new AuthPacket(0x19, MqttProperties.builder().authenticationMethod("SCRAM-SHA-256").build()));
    }

    static Stream<MqttPacket> mqtt5Stream() {
        return mqtt5().stream();
    }

    static ConnectPacket minimalConnect5() {
        return new ConnectPacket("MQTT", 5, "", true, 0, null, null, null, MqttProperties.EMPTY);
    }

    /** Password without user name: allowed on MQTT 5. */
    static ConnectPacket fullConnect5() {
        return new ConnectPacket("MQTT", 5, "client-5", false, 65535, null, utf8("token"),
                new WillPacketPart("will/topic", utf8("gone"), 2, true, MqttProperties.builder()
                        .willDelayInterval(30L).payloadFormatIndicator(1).messageExpiryInterval(600L)
                        .contentType("text/plain").responseTopic("will/replies").correlationData(filled(16))
                        .userProperty("why", "lost").build()),
                MqttProperties.builder()
                        .sessionExpiryInterval(3600L).receiveMaximum(100).maximumPacketSize(65_536L)
                        .topicAliasMaximum(16).requestResponseInformation(1).requestProblemInformation(0)
                        .authenticationMethod("SCRAM-SHA-256").authenticationData(utf8("client-first"))
                        .userProperty("app", "test").userProperty("app", "again").build());
    }

    static MqttProperties publishProperties() {
        return MqttProperties.builder()
                .payloadFormatIndicator(1).messageExpiryInterval(60L).contentType("text/plain")
                .responseTopic("reply/to").correlationData(utf8("req-1")).topicAlias(3)
                .userProperty("trace", "abc").build();
    }

    static ConnectPacket minimalConnect() {
        return new ConnectPacket("MQTT", 4, "", true, 0, null, null, null);
    }

    static ConnectPacket fullConnect() {
        return new ConnectPacket("MQTT", 4, "client-1", false, 65535, "user", utf8("secret"),
                new WillPacketPart("will/topic", utf8("gone"), 1, true));
    }

    static ConnectPacket mqtt31Connect() {
        return new ConnectPacket("MQIsdp", 3, "client-31", true, 60, "user", utf8("pw"),
                new WillPacketPart("w", new byte[0], 2, false));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
