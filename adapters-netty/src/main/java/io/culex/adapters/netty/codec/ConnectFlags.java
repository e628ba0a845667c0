package io.culex.adapters.netty.codec;

/** The connect flags byte of CONNECT, shared by parser and writer so both agree on the layout. */
final class ConnectFlags {

    private static final int USERNAME = 0x80;
    private static final int PASSWORD = 0x40;
    private static final int WILL_RETAIN = 0x20;
    private static final int WILL_QOS_MASK = 0x18;
    private static final int WILL = 0x04;
    private static final int CLEAN_SESSION = 0x02;
    private static final int RESERVED = 0x01;

    private ConnectFlags() {}

    /** MQTT 5 allows a password without a user name (for other kinds of credentials). */
    static void validate(int flags, int protocolLevel) {
        if ((flags & RESERVED) != 0) {
            throw malformed("reserved connect flag must be 0 [MQTT-3.1.2-3]");
        }
        if (!hasWill(flags) && (flags & (WILL_QOS_MASK | WILL_RETAIN)) != 0) {
            throw malformed("will QoS and will retain must be 0 without the will flag [MQTT-3.1.2-11]");
        }
        if (willQos(flags) > FieldRanges.MAX_QOS) {
            throw malformed("will QoS 3 is reserved [MQTT-3.1.2-14]");
        }
        if (hasPassword(flags) && !hasUsername(flags) && protocolLevel != MqttCodec.MQTT_5) {
            throw malformed("password flag set without user name flag [MQTT-3.1.2-22]");
        }
    }

    static boolean hasUsername(int flags) {
        return (flags & USERNAME) != 0;
    }

    static boolean hasPassword(int flags) {
        return (flags & PASSWORD) != 0;
    }

    static boolean willRetain(int flags) {
        return (flags & WILL_RETAIN) != 0;
    }

    static int willQos(int flags) {
        return (flags & WILL_QOS_MASK) >> 3;
    }

    static boolean hasWill(int flags) {
        return (flags & WILL) != 0;
    }

    static boolean cleanSession(int flags) {
        return (flags & CLEAN_SESSION) != 0;
    }

    static int encode(ConnectPacket packet) {
        int flags = packet.cleanSession() ? CLEAN_SESSION : 0;
        WillPacketPart will = packet.will();
        if (will != null) {
            flags |= WILL | will.qos() << 3 | (will.retain() ? WILL_RETAIN : 0);
        }
        if (packet.username() != null) {
            flags |= USERNAME;
        }
        if (packet.password() != null) {
            flags |= PASSWORD;
        }
        return flags;
    }

    private static MalformedPacketException malformed(String reason) {
        return new MalformedPacketException(PacketType.CONNECT + ": " + reason);
    }
}
