package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.EncoderException;
import java.util.List;

/**
 * Serialises a packet into one buffer allocated at its exact size: each writer computes (and
 * validates) the remaining length first, then allocates once and writes.
 */
final class PacketWriter {

    private PacketWriter() {}

    static ByteBuf write(ByteBufAllocator alloc, MqttPacket packet) {
        // Most frequent first: this runs for every outgoing packet.
        if (packet instanceof PublishPacket publish) {
            return publish(alloc, publish);
        } else if (packet instanceof PubackPacket puback) {
            return packetIdOnly(alloc, PacketType.PUBACK, puback.packetId());
        } else if (packet instanceof PubrecPacket pubrec) {
            return packetIdOnly(alloc, PacketType.PUBREC, pubrec.packetId());
        } else if (packet instanceof PubrelPacket pubrel) {
            return packetIdOnly(alloc, PacketType.PUBREL, pubrel.packetId());
        } else if (packet instanceof PubcompPacket pubcomp) {
            return packetIdOnly(alloc, PacketType.PUBCOMP, pubcomp.packetId());
        } else if (packet instanceof PingrespPacket) {
            return emptyBody(alloc, PacketType.PINGRESP);
        } else if (packet instanceof PingreqPacket) {
            return emptyBody(alloc, PacketType.PINGREQ);
        } else if (packet instanceof ConnackPacket connack) {
            return connack(alloc, connack);
        } else if (packet instanceof SubackPacket suback) {
            return suback(alloc, suback);
        } else if (packet instanceof UnsubackPacket unsuback) {
            return packetIdOnly(alloc, PacketType.UNSUBACK, unsuback.packetId());
        } else if (packet instanceof ConnectPacket connect) {
            return ConnectWriter.write(alloc, connect);
        } else if (packet instanceof SubscribePacket subscribe) {
            return subscribe(alloc, subscribe);
        } else if (packet instanceof UnsubscribePacket unsubscribe) {
            return unsubscribe(alloc, unsubscribe);
        } else if (packet instanceof DisconnectPacket) {
            return emptyBody(alloc, PacketType.DISCONNECT);
        }
        throw new EncoderException("unsupported packet " + packet);
    }

    private static ByteBuf publish(ByteBufAllocator alloc, PublishPacket packet) {
        if (packet.qos() == 0 && packet.dup()) {
            throw new EncoderException("PUBLISH: DUP must be 0 for QoS 0 [MQTT-3.3.1-2]");
        }
        if (packet.qos() > 0) {
            WireFields.requirePacketId(packet.packetId(), PacketType.PUBLISH);
        }
        int topicLength = WireFields.utf8Length(packet.topic(), "topic name");
        int remainingLength = WireFields.stringSize(topicLength)
                + (packet.qos() > 0 ? WireFields.PACKET_ID_BYTES : 0)
                + packet.payload().length;

        int firstByte = PacketType.PUBLISH.code() << 4 | PublishFlags.encode(packet.qos(), packet.dup(), packet.retain());
        ByteBuf out = WireFields.allocate(alloc, firstByte, remainingLength);
        WireFields.writeString(out, packet.topic(), topicLength);
        if (packet.qos() > 0) {
            out.writeShort(packet.packetId());
        }
        out.writeBytes(packet.payload());
        return out;
    }

    private static ByteBuf packetIdOnly(ByteBufAllocator alloc, PacketType type, int packetId) {
        WireFields.requirePacketId(packetId, type);
        ByteBuf out = WireFields.allocate(alloc, type.firstByte(), WireFields.PACKET_ID_BYTES);
        out.writeShort(packetId);
        return out;
    }

    private static ByteBuf emptyBody(ByteBufAllocator alloc, PacketType type) {
        return WireFields.allocate(alloc, type.firstByte(), 0);
    }

    private static ByteBuf connack(ByteBufAllocator alloc, ConnackPacket packet) {
        ByteBuf out = WireFields.allocate(alloc, PacketType.CONNACK.firstByte(), 2);
        out.writeByte(packet.sessionPresent() ? ConnackParser.SESSION_PRESENT : 0);
        out.writeByte(packet.returnCode());
        return out;
    }

    private static ByteBuf suback(ByteBufAllocator alloc, SubackPacket packet) {
        WireFields.requirePacketId(packet.packetId(), PacketType.SUBACK);
        List<Integer> returnCodes = requireNonEmpty(packet.returnCodes(), PacketType.SUBACK);
        for (int code : returnCodes) {
            if (!FieldRanges.isDefinedSubackCode(code)) {
                throw new EncoderException("SUBACK: return code 0x" + Integer.toHexString(code) + " is reserved");
            }
        }
        ByteBuf out = WireFields.allocate(alloc, PacketType.SUBACK.firstByte(),
                WireFields.PACKET_ID_BYTES + returnCodes.size());
        out.writeShort(packet.packetId());
        for (int code : returnCodes) {
            out.writeByte(code);
        }
        return out;
    }

    private static ByteBuf subscribe(ByteBufAllocator alloc, SubscribePacket packet) {
        WireFields.requirePacketId(packet.packetId(), PacketType.SUBSCRIBE);
        List<TopicSubscription> subscriptions = requireNonEmpty(packet.subscriptions(), PacketType.SUBSCRIBE);
        int[] filterLengths = new int[subscriptions.size()];
        int remainingLength = WireFields.PACKET_ID_BYTES;
        for (int i = 0; i < filterLengths.length; i++) {
            filterLengths[i] = WireFields.utf8Length(subscriptions.get(i).filter(), "topic filter");
            remainingLength += WireFields.stringSize(filterLengths[i]) + 1;
        }

        ByteBuf out = WireFields.allocate(alloc, PacketType.SUBSCRIBE.firstByte(), remainingLength);
        out.writeShort(packet.packetId());
        for (int i = 0; i < filterLengths.length; i++) {
            WireFields.writeString(out, subscriptions.get(i).filter(), filterLengths[i]);
            out.writeByte(subscriptions.get(i).qos());
        }
        return out;
    }

    private static ByteBuf unsubscribe(ByteBufAllocator alloc, UnsubscribePacket packet) {
        WireFields.requirePacketId(packet.packetId(), PacketType.UNSUBSCRIBE);
        List<String> filters = requireNonEmpty(packet.filters(), PacketType.UNSUBSCRIBE);
        int[] filterLengths = new int[filters.size()];
        int remainingLength = WireFields.PACKET_ID_BYTES;
        for (int i = 0; i < filterLengths.length; i++) {
            filterLengths[i] = WireFields.utf8Length(filters.get(i), "topic filter");
            remainingLength += WireFields.stringSize(filterLengths[i]);
        }

        ByteBuf out = WireFields.allocate(alloc, PacketType.UNSUBSCRIBE.firstByte(), remainingLength);
        out.writeShort(packet.packetId());
        for (int i = 0; i < filterLengths.length; i++) {
            WireFields.writeString(out, filters.get(i), filterLengths[i]);
        }
        return out;
    }

    private static <T> List<T> requireNonEmpty(List<T> items, PacketType type) {
        if (items.isEmpty()) {
            throw new EncoderException(type + ": at least one entry is required");
        }
        return items;
    }
}
