package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.EncoderException;

/** Writes CONNECT, mirroring {@link ConnectParser}. */
final class ConnectWriter {

    private static final int LEVEL_FLAGS_KEEP_ALIVE_BYTES = 1 + 1 + 2;

    private ConnectWriter() {}

    static ByteBuf write(ByteBufAllocator alloc, ConnectPacket packet) {
        if (packet.password() != null && packet.username() == null) {
            throw new EncoderException("CONNECT: a password requires a user name [MQTT-3.1.2-22]");
        }
        WillPacketPart will = packet.will();
        int nameLength = WireFields.utf8Length(packet.protocolName(), "protocol name");
        int clientIdLength = WireFields.utf8Length(packet.clientId(), "client identifier");
        int willTopicLength = will == null ? 0 : WireFields.utf8Length(will.topic(), "will topic");
        int usernameLength = packet.username() == null ? 0 : WireFields.utf8Length(packet.username(), "user name");

        int remainingLength = WireFields.stringSize(nameLength) + LEVEL_FLAGS_KEEP_ALIVE_BYTES
                + WireFields.stringSize(clientIdLength);
        if (will != null) {
            remainingLength += WireFields.stringSize(willTopicLength) + WireFields.binarySize(will.payload(), "will message");
        }
        if (packet.username() != null) {
            remainingLength += WireFields.stringSize(usernameLength);
        }
        if (packet.password() != null) {
            remainingLength += WireFields.binarySize(packet.password(), "password");
        }

        ByteBuf out = WireFields.allocate(alloc, PacketType.CONNECT.firstByte(), remainingLength);
        WireFields.writeString(out, packet.protocolName(), nameLength);
        out.writeByte(packet.protocolLevel());
        out.writeByte(ConnectFlags.encode(packet));
        out.writeShort(packet.keepAliveSeconds());
        WireFields.writeString(out, packet.clientId(), clientIdLength);
        if (will != null) {
            WireFields.writeString(out, will.topic(), willTopicLength);
            WireFields.writeBinary(out, will.payload());
        }
        if (packet.username() != null) {
            WireFields.writeString(out, packet.username(), usernameLength);
        }
        if (packet.password() != null) {
            WireFields.writeBinary(out, packet.password());
        }
        return out;
    }
}
