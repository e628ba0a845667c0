package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** SUBSCRIBE: packet id, MQTT 5 properties, then each filter with its options byte. */
final class SubscribeLayout implements PacketLayout {

    private final SubscribePacket packet;
    private final boolean mqtt5;
    private final int[] filterLengths;
    /** Null on 3.x. */
    private final PropertiesLayout properties;
    private final int remainingLength;

    SubscribeLayout(SubscribePacket packet, boolean mqtt5) {
        WireFields.requirePacketId(packet.packetId(), PacketType.SUBSCRIBE);
        List<TopicSubscription> subscriptions = WireFields.requireNonEmpty(packet.subscriptions(), PacketType.SUBSCRIBE);
        this.packet = packet;
        this.mqtt5 = mqtt5;
        properties = mqtt5 ? PropertiesLayout.of(packet.properties(), PropertyScope.SUBSCRIBE) : null;
        filterLengths = new int[subscriptions.size()];
        int length = WireFields.PACKET_ID_BYTES + (properties == null ? 0 : properties.size());
        for (int i = 0; i < filterLengths.length; i++) {
            filterLengths[i] = WireFields.utf8Length(subscriptions.get(i).filter(), "topic filter");
            length += WireFields.stringSize(filterLengths[i]) + 1;
        }
        remainingLength = length;
    }

    @Override
    public int firstByte() {
        return PacketType.SUBSCRIBE.firstByte();
    }

    @Override
    public int remainingLength() {
        return remainingLength;
    }

    @Override
    public void writeBody(ByteBuf out) {
        out.writeShort(packet.packetId());
        if (properties != null) {
            properties.writeTo(out);
        }
        List<TopicSubscription> subscriptions = packet.subscriptions();
        for (int i = 0; i < filterLengths.length; i++) {
            WireFields.writeString(out, subscriptions.get(i).filter(), filterLengths[i]);
            out.writeByte(SubscriptionOptions.encode(subscriptions.get(i), mqtt5));
        }
    }
}
