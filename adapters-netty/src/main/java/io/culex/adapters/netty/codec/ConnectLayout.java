package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.EncoderException;

/**
 * CONNECT, mirroring {@link ConnectParser}. The packet's own protocol level picks the layout:
 * MQTT 5 adds the CONNECT and will properties; any other level is written as 3.1.1 lays it out.
 */
final class ConnectLayout implements PacketLayout {

    private static final int LEVEL_FLAGS_KEEP_ALIVE_BYTES = 1 + 1 + 2;

    private final ConnectPacket packet;
    private final WillPacketPart will;
    private final int nameLength;
    private final int clientIdLength;
    private final int willTopicLength;
    private final int usernameLength;
    /** Null on 3.x, which has no properties. */
    private final PropertiesLayout properties;
    /** Null on 3.x or without a will. */
    private final PropertiesLayout willProperties;
    private final int remainingLength;

    ConnectLayout(ConnectPacket packet) {
        boolean mqtt5 = packet.protocolLevel() == MqttCodec.MQTT_5;
        if (!mqtt5 && packet.password() != null && packet.username() == null) {
            throw new EncoderException("CONNECT: a password requires a user name [MQTT-3.1.2-22]");
        }
        this.packet = packet;
        this.will = packet.will();
        nameLength = WireFields.utf8Length(packet.protocolName(), "protocol name");
        clientIdLength = WireFields.utf8Length(packet.clientId(), "client identifier");
        willTopicLength = will == null ? 0 : WireFields.utf8Length(will.topic(), "will topic");
        usernameLength = packet.username() == null ? 0 : WireFields.utf8Length(packet.username(), "user name");
        properties = mqtt5 ? PropertiesLayout.of(packet.properties(), PropertyScope.CONNECT) : null;
        willProperties = mqtt5 && will != null ? PropertiesLayout.of(will.properties(), PropertyScope.WILL) : null;

        int length = WireFields.stringSize(nameLength) + LEVEL_FLAGS_KEEP_ALIVE_BYTES
                + WireFields.stringSize(clientIdLength);
        if (properties != null) {
            length += properties.size();
        }
        if (will != null) {
            length += WireFields.stringSize(willTopicLength) + WireFields.binarySize(will.payload(), "will message");
            if (willProperties != null) {
                length += willProperties.size();
            }
        }
        if (packet.username() != null) {
            length += WireFields.stringSize(usernameLength);
        }
        if (packet.password() != null) {
            length += WireFields.binarySize(packet.password(), "password");
        }
        remainingLength = length;
    }

    @Override
    public int firstByte() {
        return PacketType.CONNECT.firstByte();
    }

    @Override
    public int remainingLength() {
        return remainingLength;
    }

    @Override
    public void writeBody(ByteBuf out) {
        WireFields.writeString(out, packet.protocolName(), nameLength);
        out.writeByte(packet.bridge() ? packet.protocolLevel() | ConnectPacket.BRIDGE_BIT : packet.protocolLevel());
        out.writeByte(ConnectFlags.encode(packet));
        out.writeShort(packet.keepAliveSeconds());
        if (properties != null) {
            properties.writeTo(out);
        }
        WireFields.writeString(out, packet.clientId(), clientIdLength);
        if (will != null) {
            if (willProperties != null) {
                willProperties.writeTo(out);
            }
            WireFields.writeString(out, will.topic(), willTopicLength);
            WireFields.writeBinary(out, will.payload());
        }
        if (packet.username() != null) {
            WireFields.writeString(out, packet.username(), usernameLength);
        }
        if (packet.password() != null) {
            WireFields.writeBinary(out, packet.password());
        }
    }
}
