package io.culex.adapters.netty.codec;

/** Parses the CONNACK body: acknowledge flags and return code. */
final class ConnackParser {

    /** The only defined acknowledge flag; the writer uses it too. */
    static final int SESSION_PRESENT = 0x01;

    private ConnackParser() {}

    static ConnackPacket parse(BodyReader body) {
        int ackFlags = body.readUnsignedByte("acknowledge flags");
        if ((ackFlags & ~SESSION_PRESENT) != 0) {
            throw body.malformed("reserved acknowledge flags must be 0 [MQTT-3.2.2-1]");
        }
        int returnCode = body.readUnsignedByte("return code");
        return new ConnackPacket((ackFlags & SESSION_PRESENT) != 0, returnCode);
    }
}
