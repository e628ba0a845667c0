package io.culex.adapters.netty.codec;

/** Range checks shared by the packet records: a field must fit the wire width it is sent with. */
final class FieldRanges {

    static final int MAX_UNSIGNED_BYTE = 0xFF;
    static final int MAX_UNSIGNED_SHORT = 0xFFFF;
    static final int MAX_QOS = 2;
    static final int SUBACK_FAILURE = 0x80;

    private FieldRanges() {}

    static int qos(int qos) {
        return inRange("qos", qos, 0, MAX_QOS);
    }

    static int packetId(int packetId) {
        return inRange("packetId", packetId, 0, MAX_UNSIGNED_SHORT);
    }

    static int unsignedByte(String field, int value) {
        return inRange(field, value, 0, MAX_UNSIGNED_BYTE);
    }

    static int unsignedShort(String field, int value) {
        return inRange(field, value, 0, MAX_UNSIGNED_SHORT);
    }

    /** SUBACK return codes 0x00-0x02 grant a QoS, 0x80 is failure; all others are reserved. */
    static boolean isDefinedSubackCode(int code) {
        return code >= 0 && code <= MAX_QOS || code == SUBACK_FAILURE;
    }

    private static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "] but was " + value);
        }
        return value;
    }
}
