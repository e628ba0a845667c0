package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.EncoderException;
import java.util.List;

/**
 * SUBACK and UNSUBACK: the packet id, MQTT 5 properties, then one code per filter of the request.
 * On MQTT 3.x UNSUBACK has no codes, and SUBACK knows only 0x00-0x02 and 0x80, so an MQTT 5
 * SUBACK failure code is written as 0x80 there: the broker may use the MQTT 5 codes throughout.
 */
final class CodeListLayout implements PacketLayout {

    private final PacketType type;
    private final int packetId;
    /** Null on 3.x. */
    private final PropertiesLayout properties;
    private final int[] codes;

    private CodeListLayout(PacketType type, int packetId, PropertiesLayout properties, int[] codes) {
        this.type = type;
        this.packetId = packetId;
        this.properties = properties;
        this.codes = codes;
    }

    static CodeListLayout suback(SubackPacket packet, boolean mqtt5) {
        WireFields.requirePacketId(packet.packetId(), PacketType.SUBACK);
        List<Integer> returnCodes = WireFields.requireNonEmpty(packet.returnCodes(), PacketType.SUBACK);
        int[] codes = new int[returnCodes.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = mqtt5 ? valid(PacketType.SUBACK, returnCodes.get(i)) : subackCode3x(returnCodes.get(i));
        }
        return new CodeListLayout(PacketType.SUBACK, packet.packetId(),
                mqtt5 ? PropertiesLayout.of(packet.properties(), PropertyScope.SUBACK) : null, codes);
    }

    static CodeListLayout unsuback(UnsubackPacket packet, boolean mqtt5) {
        WireFields.requirePacketId(packet.packetId(), PacketType.UNSUBACK);
        if (!mqtt5) {
            return new CodeListLayout(PacketType.UNSUBACK, packet.packetId(), null, new int[0]);
        }
        List<Integer> reasonCodes = WireFields.requireNonEmpty(packet.reasonCodes(), PacketType.UNSUBACK);
        int[] codes = reasonCodes.stream().mapToInt(code -> valid(PacketType.UNSUBACK, code)).toArray();
        return new CodeListLayout(PacketType.UNSUBACK, packet.packetId(),
                PropertiesLayout.of(packet.properties(), PropertyScope.UNSUBACK), codes);
    }

    private static int valid(PacketType type, int code) {
        if (!ReasonCodes.isValid(type, code)) {
            throw new EncoderException(type + ": " + ReasonCodes.hex(code) + " is not a " + type + " reason code");
        }
        return code;
    }

    private static int subackCode3x(int code) {
        if (code >= ReasonCodes.FIRST_FAILURE && ReasonCodes.isValid(PacketType.SUBACK, code)) {
            return FieldRanges.SUBACK_FAILURE;
        }
        if (!FieldRanges.isDefinedSubackCode(code)) {
            throw new EncoderException("SUBACK: return code 0x" + Integer.toHexString(code) + " is reserved");
        }
        return code;
    }

    @Override
    public int firstByte() {
        return type.firstByte();
    }

    @Override
    public int remainingLength() {
        return WireFields.PACKET_ID_BYTES + (properties == null ? 0 : properties.size()) + codes.length;
    }

    @Override
    public void writeBody(ByteBuf out) {
        out.writeShort(packetId);
        if (properties != null) {
            properties.writeTo(out);
        }
        for (int code : codes) {
            out.writeByte(code);
        }
    }
}
