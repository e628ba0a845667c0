package io.culex.adapters.netty.codec;

/** Parses the CONNECT body (3.1.1 section 3.1; the 3.1 layout is the same). */
final class ConnectParser {

    /** Long enough to recognise a protocol name in a log, short enough to keep garbage out of it. */
    private static final int MAX_NAME_IN_MESSAGE = 16;

    private ConnectParser() {}

    static ConnectPacket parse(BodyReader body) {
        String protocolName = body.readString("protocol name");
        if (!ProtocolNames.isKnownName(protocolName)) {
            throw body.malformed("unknown protocol name '" + abbreviate(protocolName) + "'");
        }
        int protocolLevel = body.readUnsignedByte("protocol level");
        if (!ProtocolNames.isSupported(protocolName, protocolLevel)) {
            // Other levels may lay out the rest differently (MQTT 5 adds properties), so do not
            // guess: hand over name and level for the broker to answer CONNACK 0x01.
            body.skipRest();
            return new ConnectPacket(protocolName, protocolLevel, "", true, 0, null, null, null);
        }

        int flags = body.readUnsignedByte("connect flags");
        ConnectFlags.validate(flags);
        int keepAliveSeconds = body.readUnsignedShort("keep alive");

        // Payload order is fixed: client id, will topic, will message, user name, password.
        String clientId = body.readString("client identifier");
        WillPacketPart will = null;
        if (ConnectFlags.hasWill(flags)) {
            String topic = body.readTopicName("will topic");
            byte[] payload = body.readBinary("will message");
            will = new WillPacketPart(topic, payload, ConnectFlags.willQos(flags), ConnectFlags.willRetain(flags));
        }
        String username = ConnectFlags.hasUsername(flags) ? body.readString("user name") : null;
        byte[] password = ConnectFlags.hasPassword(flags) ? body.readBinary("password") : null;

        return new ConnectPacket(protocolName, protocolLevel, clientId, ConnectFlags.cleanSession(flags),
                keepAliveSeconds, username, password, will);
    }

    private static String abbreviate(String name) {
        return name.length() <= MAX_NAME_IN_MESSAGE ? name : name.substring(0, MAX_NAME_IN_MESSAGE) + "...";
    }
}
