package io.culex.adapters.netty.codec;

/** Parses the CONNECT body (3.1.1 section 3.1, the same for 3.1; MQTT 5 section 3.1 adds properties). */
final class ConnectParser {

    /** Long enough to recognise a protocol name in a log, short enough to keep garbage out of it. */
    private static final int MAX_NAME_IN_MESSAGE = 16;

    private ConnectParser() {}

    static ConnectPacket parse(BodyReader body) {
        String protocolName = body.readString("protocol name");
        if (!ProtocolNames.isKnownName(protocolName)) {
            throw body.malformed("unknown protocol name '" + abbreviate(protocolName) + "'");
        }
        int wireLevel = body.readUnsignedByte("protocol level");
        // As Mosquitto: bit 0x80 marks a bridge (try_private) on 3.1 and 3.1.1, and is ignored on 5.
        int protocolLevel = ProtocolNames.isSupported(protocolName, wireLevel & ~ConnectPacket.BRIDGE_BIT)
                ? wireLevel & ~ConnectPacket.BRIDGE_BIT : wireLevel;
        boolean bridge = protocolLevel != wireLevel && protocolLevel != MqttCodec.MQTT_5;
        if (!ProtocolNames.isSupported(protocolName, protocolLevel)) {
            // Other levels may lay out the rest differently, so do not guess: hand over name and
            // level for the broker to answer "unsupported protocol version".
            body.skipRest();
            return new ConnectPacket(protocolName, protocolLevel, "", true, 0, null, null, null);
        }
        boolean mqtt5 = protocolLevel == MqttCodec.MQTT_5;

        int flags = body.readUnsignedByte("connect flags");
        ConnectFlags.validate(flags, protocolLevel);
        int keepAliveSeconds = body.readUnsignedShort("keep alive");
        MqttProperties properties = mqtt5 ? PropertiesParser.parse(body, PropertyScope.CONNECT) : MqttProperties.EMPTY;

        // Payload order is fixed: client id, will (properties, topic, message), user name, password.
        String clientId = body.readString("client identifier");
        WillPacketPart will = null;
        if (ConnectFlags.hasWill(flags)) {
            MqttProperties willProperties = mqtt5 ? PropertiesParser.parse(body, PropertyScope.WILL) : MqttProperties.EMPTY;
            String topic = body.readTopicName("will topic");
            byte[] payload = body.readBinary("will message");
            will = new WillPacketPart(topic, payload, ConnectFlags.willQos(flags), ConnectFlags.willRetain(flags),
                    willProperties);
        }
        String username = ConnectFlags.hasUsername(flags) ? body.readString("user name") : null;
        byte[] password = ConnectFlags.hasPassword(flags) ? body.readBinary("password") : null;

        return new ConnectPacket(protocolName, protocolLevel, clientId, ConnectFlags.cleanSession(flags),
                keepAliveSeconds, username, password, will, properties, bridge);
    }

    private static String abbreviate(String name) {
        return name.length() <= MAX_NAME_IN_MESSAGE ? name : name.substring(0, MAX_NAME_IN_MESSAGE) + "...";
    }
}
