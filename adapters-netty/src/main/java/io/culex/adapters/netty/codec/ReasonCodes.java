package io.culex.adapters.netty.codec;

import java.util.EnumMap;
import java.util.Map;

/**
 * The MQTT 5 reason codes each packet type may carry (spec 2.4 and each packet's reason code
 * table). A code outside its packet's table parses but is not allowed, so the decoder treats it
 * as a Protocol Error (0x82), as Mosquitto does; the encoder refuses it.
 */
final class ReasonCodes {

    static final int SUCCESS = 0x00;
    /** Reason codes from here on are failures (spec 2.4). */
    static final int FIRST_FAILURE = 0x80;

    private static final int[] PUBLISH_ACK = {0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99};
    private static final int[] PUBLISH_RELEASE = {0x00, 0x92};
    private static final Map<PacketType, boolean[]> VALID = new EnumMap<>(PacketType.class);

    static {
        allow(PacketType.CONNACK, 0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8C,
                0x90, 0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F);
        allow(PacketType.PUBACK, PUBLISH_ACK);
        allow(PacketType.PUBREC, PUBLISH_ACK);
        allow(PacketType.PUBREL, PUBLISH_RELEASE);
        allow(PacketType.PUBCOMP, PUBLISH_RELEASE);
        allow(PacketType.SUBACK, 0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2);
        allow(PacketType.UNSUBACK, 0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91);
        allow(PacketType.DISCONNECT, 0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8B, 0x8D, 0x8E, 0x8F, 0x90,
                0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1, 0xA2);
        allow(PacketType.AUTH, 0x00, 0x18, 0x19);
    }

    private ReasonCodes() {}

    private static void allow(PacketType type, int... codes) {
        boolean[] valid = new boolean[FieldRanges.MAX_UNSIGNED_BYTE + 1];
        for (int code : codes) {
            valid[code] = true;
        }
        VALID.put(type, valid);
    }

    /** Whether MQTT 5 defines {@code code} for {@code type}; false for types without reason codes. */
    static boolean isValid(PacketType type, int code) {
        boolean[] valid = VALID.get(type);
        return valid != null && code >= 0 && code < valid.length && valid[code];
    }

    static String hex(int code) {
        return String.format("0x%02X", code);
    }
}
