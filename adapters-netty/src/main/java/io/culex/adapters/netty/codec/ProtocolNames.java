package io.culex.adapters.netty.codec;

/** The protocol name / level pairs this codec speaks. */
final class ProtocolNames {

    static final String MQTT_3_1 = "MQIsdp";
    static final String MQTT = "MQTT";

    private ProtocolNames() {}

    static boolean isKnownName(String name) {
        return MQTT_3_1.equals(name) || MQTT.equals(name);
    }

    /** Whether the codec speaks the CONNECT's name and level pair, and so its channel's level. */
    static boolean isSupported(ConnectPacket connect) {
        return isSupported(connect.protocolName(), connect.protocolLevel());
    }

    static boolean isSupported(String name, int level) {
        return MQTT_3_1.equals(name) && level == MqttCodec.MQTT_3_1
                || MQTT.equals(name) && (level == MqttCodec.MQTT_3_1_1 || level == MqttCodec.MQTT_5);
    }
}
