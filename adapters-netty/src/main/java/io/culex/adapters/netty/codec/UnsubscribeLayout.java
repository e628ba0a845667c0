package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** UNSUBSCRIBE: packet id, MQTT 5 properties, then the filters. */
final class UnsubscribeLayout implements PacketLayout {

    private final UnsubscribePacket packet;
    private final int[] filterLengths;
    /** Null on 3.x. */
    private final PropertiesLayout properties;
    private final int remainingLength;

    UnsubscribeLayout(UnsubscribePacket packet, boolean mqtt5) {
        WireFields.requirePacketId(packet.packetId(), PacketType.UNSUBSCRIBE);
        List<String> filters = WireFields.requireNonEmpty(packet.filters(), PacketType.UNSUBSCRIBE);
        this.packet = packet;
        properties = mqtt5 ? PropertiesLayout.of(packet.properties(), PropertyScope.UNSUBSCRIBE) : null;
        filterLengths = new int[filters.size()];
        int length = WireFields.PACKET_ID_BYTES + (properties == null ? 0 : properties.size());
        for (int i = 0; i < filterLengths.length; i++) {
            filterLengths[i] = WireFields.utf8Length(filters.get(i), "topic filter");
            length += WireFields.stringSize(filterLengths[i]);
        }
        remainingLength = length;
    }

    @Override
    public int firstByte() {
        return PacketType.UNSUBSCRIBE.firstByte();
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
        for (int i = 0; i < filterLengths.length; i++) {
            WireFields.writeString(out, packet.filters().get(i), filterLengths[i]);
        }
    }
}
