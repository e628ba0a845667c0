package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.EncoderException;

/**
 * MQTT 5 DISCONNECT and AUTH: a reason code and properties, in the shortest form the spec allows
 * (3.14.2.1, 3.15.2.1): nothing for success without properties, the code alone without properties.
 */
final class ReasonLayout implements PacketLayout {

    private final PacketType type;
    private final int reasonCode;
    private final boolean sendsReasonCode;
    /** Null when there are none. */
    private final PropertiesLayout properties;

    ReasonLayout(PacketType type, int reasonCode, MqttProperties properties) {
        if (!ReasonCodes.isValid(type, reasonCode)) {
            throw new EncoderException(type + ": " + ReasonCodes.hex(reasonCode) + " is not a " + type + " reason code");
        }
        this.type = type;
        this.reasonCode = reasonCode;
        this.sendsReasonCode = reasonCode != ReasonCodes.SUCCESS || !properties.isEmpty();
        this.properties = properties.isEmpty() ? null : PropertiesLayout.of(properties, PropertyScope.of(type));
    }

    @Override
    public int firstByte() {
        return type.firstByte();
    }

    @Override
    public int remainingLength() {
        return (sendsReasonCode ? 1 : 0) + (properties == null ? 0 : properties.size());
    }

    @Override
    public void writeBody(ByteBuf out) {
        if (sendsReasonCode) {
            out.writeByte(reasonCode);
        }
        if (properties != null) {
            properties.writeTo(out);
        }
    }
}
