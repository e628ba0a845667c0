package io.culex.adapters.netty.codec;

/**
 * A decoded MQTT 3.1 / 3.1.1 / 5.0 control packet, or one to be encoded. Fields that exist only in
 * MQTT 5 (reason codes, properties) are ignored when encoding for a 3.x connection.
 *
 * <p>Records that carry a {@code byte[]} (payloads, passwords) do not copy it: the array is handed
 * over and must be treated as immutable by everybody who holds the packet. Their {@code equals}
 * and {@code hashCode} compare array contents so that packets behave as values.
 */
public sealed interface MqttPacket
        permits ConnectPacket, ConnackPacket, PublishPacket, PubackPacket, PubrecPacket, PubrelPacket,
                PubcompPacket, SubscribePacket, SubackPacket, UnsubscribePacket, UnsubackPacket,
                PingreqPacket, PingrespPacket, DisconnectPacket, AuthPacket {}
