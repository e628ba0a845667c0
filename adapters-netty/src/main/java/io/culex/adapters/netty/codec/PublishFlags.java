package io.culex.adapters.netty.codec;

/** The DUP, QoS and RETAIN bits that PUBLISH carries in the low nibble of its first byte. */
final class PublishFlags {

    private static final int DUP = 0b1000;
    private static final int QOS_MASK = 0b0110;
    private static final int RETAIN = 0b0001;

    private PublishFlags() {}

    static void validate(int flags) {
        int qos = qos(flags);
        if (qos > FieldRanges.MAX_QOS) {
            throw new MalformedPacketException("PUBLISH: QoS 3 is reserved");
        }
        if (qos == 0 && dup(flags)) {
            throw new MalformedPacketException("PUBLISH: DUP must be 0 for QoS 0 [MQTT-3.3.1-2]");
        }
    }

    static int qos(int flags) {
        return (flags & QOS_MASK) >> 1;
    }

    static boolean dup(int flags) {
        return (flags & DUP) != 0;
    }

    static boolean retain(int flags) {
        return (flags & RETAIN) != 0;
    }

    static int encode(int qos, boolean dup, boolean retain) {
        return (dup ? DUP : 0) | qos << 1 | (retain ? RETAIN : 0);
    }
}
