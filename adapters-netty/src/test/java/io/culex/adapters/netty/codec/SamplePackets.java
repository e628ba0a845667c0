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
