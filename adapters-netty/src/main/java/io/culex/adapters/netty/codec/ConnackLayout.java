package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.EncoderException;

/** CONNACK: acknowledge flags and return code; MQTT 5 checks the reason code and adds properties. */
final class ConnackLayout implements PacketLayout {

    private static final int FLAGS_AND_CODE_BYTES = 2;

    private final ConnackPacket packet;
    /** Null on 3.x. */
    private final PropertiesLayout properties;

    ConnackLayout(ConnackPacket packet, boolean mqtt5) {
        if (mqtt5 && !ReasonCodes.isValid(PacketType.CONNACK, packet.returnCode())) {
            throw new EncoderException("CONNACK: " + ReasonCodes.hex(packet.returnCode()) + " is not a CONNACK reason code");
        }
        this.packet = packet;
        this.properties = mqtt5 ? PropertiesLayout.of(packet.properties(), PropertyScope.CONNACK) : null;
    }

    @Override
    public int firstByte() {
        return PacketType.CONNACK.firstByte();
    }

    @Override
    public int remainingLength() {
        return FLAGS_AND_CODE_BYTES + (properties == null ? 0 : properties.size());
    }

    @Override
    public void writeBody(ByteBuf out) {
        out.writeByte(packet.sessionPresent() ? ConnackParser.SESSION_PRESENT : 0);
        out.writeByte(packet.returnCode());
        if (properties != null) {
            properties.writeTo(out);
        }
    }
}
