package io.culex.adapters.netty.codec;

/**
 * The control packet types with the fixed-header flag bits each one must carry. Code 0 is reserved
 * and has no constant; code 15 is AUTH on MQTT 5 and reserved on 3.x (see {@link #ofCode}).
 */
enum PacketType {
    CONNECT(1, 0b0000),
    CONNACK(2, 0b0000),
    /** The only type whose flag bits carry fields (DUP, QoS, RETAIN); see {@link PublishFlags}. */
    PUBLISH(3),
    PUBACK(4, 0b0000),
    PUBREC(5, 0b0000),
    PUBREL(6, 0b0010),
    PUBCOMP(7, 0b0000),
    SUBSCRIBE(8, 0b0010),
    SUBACK(9, 0b0000),
    UNSUBSCRIBE(10, 0b0010),
    UNSUBACK(11, 0b0000),
    PINGREQ(12, 0b0000),
    PINGRESP(13, 0b0000),
    DISCONNECT(14, 0b0000),
    AUTH(15, 0b0000);

    private static final PacketType[] BY_CODE = new PacketType[16];

    static {
        for (PacketType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int requiredFlags;
    private final boolean flagsCarryFields;

    PacketType(int code, int requiredFlags) {
        this.code = code;
        this.requiredFlags = requiredFlags;
        this.flagsCarryFields = false;
    }

    PacketType(int code) {
        this.code = code;
        this.requiredFlags = 0;
        this.flagsCarryFields = true;
    }

    /** The packet type for a 4-bit code at a protocol level, or {@code null} for a code reserved there. */
    static PacketType ofCode(int code, int protocolLevel) {
        PacketType type = BY_CODE[code & 0x0F];
        return type == AUTH && protocolLevel != MqttCodec.MQTT_5 ? null : type;
    }

    int code() {
        return code;
    }

    boolean flagsCarryFields() {
        return flagsCarryFields;
    }

    /** Whether the low nibble of the first byte is the value the spec fixes for this type. */
    boolean hasRequiredFlags(int flags) {
        return flags == requiredFlags;
    }

    /** The first byte of the fixed header; PUBLISH builds its own from {@link PublishFlags}. */
    int firstByte() {
        if (flagsCarryFields) {
            throw new IllegalStateException(this + " has no fixed first byte");
        }
        return code << 4 | requiredFlags;
    }
}
