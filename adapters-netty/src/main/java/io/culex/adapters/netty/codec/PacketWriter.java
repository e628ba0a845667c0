package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.EncoderException;

/**
 * Serialises a packet for a protocol level into one buffer allocated at its exact size: the
 * packet's {@link PacketLayout} measures (and validates) it first, then it is written once.
 *
 * <p>On MQTT 3.x what the version cannot carry is left out: properties, and reason codes except
 * where 3.x has them (the CONNACK return code, SUBACK's codes). AUTH cannot be sent on 3.x at all.
 */
public final class PacketWriter {

    private PacketWriter() {}

    static ByteBuf write(ByteBufAllocator alloc, MqttPacket packet, int protocolLevel) {
        PacketLayout layout = layout(packet, protocolLevel);
        ByteBuf out = WireFields.allocate(alloc, layout.firstByte(), layout.remainingLength());
        layout.writeBody(out);
        return out;
    }

    /**
     * The bytes {@code packet} takes on the wire at {@code protocolLevel}, fixed header included:
     * what the broker compares with a client's Maximum Packet Size before sending.
     *
     * @param protocolLevel 3, 4 or 5
     * @throws EncoderException if the packet cannot be sent as given, as the encoder would refuse it
     */
    public static int encodedLength(MqttPacket packet, int protocolLevel) {
        return WireFields.packetSize(layout(packet, protocolLevel).remainingLength());
    }

    private static PacketLayout layout(MqttPacket packet, int protocolLevel) {
        boolean mqtt5 = MqttCodec.requireSupported(protocolLevel) == MqttCodec.MQTT_5;
        // Most frequent first: this runs for every outgoing packet.
        if (packet instanceof PublishPacket publish) {
            return new PublishLayout(publish, mqtt5);
        } else if (packet instanceof PubackPacket ack) {
            return new PublishAckLayout(PacketType.PUBACK, ack.packetId(), ack.reasonCode(), ack.properties(), mqtt5);
        } else if (packet instanceof PubrecPacket ack) {
            return new PublishAckLayout(PacketType.PUBREC, ack.packetId(), ack.reasonCode(), ack.properties(), mqtt5);
        } else if (packet instanceof PubrelPacket ack) {
            return new PublishAckLayout(PacketType.PUBREL, ack.packetId(), ack.reasonCode(), ack.properties(), mqtt5);
        } else if (packet instanceof PubcompPacket ack) {
            return new PublishAckLayout(PacketType.PUBCOMP, ack.packetId(), ack.reasonCode(), ack.properties(), mqtt5);
        } else if (packet instanceof PingrespPacket) {
            return EmptyLayout.PINGRESP;
        } else if (packet instanceof PingreqPacket) {
            return EmptyLayout.PINGREQ;
        } else if (packet instanceof ConnackPacket connack) {
            return new ConnackLayout(connack, mqtt5);
        } else if (packet instanceof SubackPacket suback) {
            return CodeListLayout.suback(suback, mqtt5);
        } else if (packet instanceof UnsubackPacket unsuback) {
            return CodeListLayout.unsuback(unsuback, mqtt5);
        } else if (packet instanceof ConnectPacket connect) {
            return new ConnectLayout(connect);
        } else if (packet instanceof SubscribePacket subscribe) {
            return new SubscribeLayout(subscribe, mqtt5);
        } else if (packet instanceof UnsubscribePacket unsubscribe) {
            return new UnsubscribeLayout(unsubscribe, mqtt5);
        } else if (packet instanceof DisconnectPacket disconnect) {
            return mqtt5 ? new ReasonLayout(PacketType.DISCONNECT, disconnect.reasonCode(), disconnect.properties())
                    : EmptyLayout.DISCONNECT;
        } else if (packet instanceof AuthPacket auth) {
            if (!mqtt5) {
                throw new EncoderException("AUTH exists only in MQTT 5");
            }
            return new ReasonLayout(PacketType.AUTH, auth.reasonCode(), auth.properties());
        }
        throw new EncoderException("unsupported packet " + packet);
    }
}
