package io.culex.adapters.netty.codec;

/** The protocol name / level pairs this codec speaks. */
final class ProtocolNames {

    static final String MQTT_3_1 = "MQIsdp";
    static final int MQTT_3_1_LEVEL = 3;
    static final String MQTT_3_1_1 = "MQTT";
    static final int MQTT_3_1_1_LEVEL = 4;

    private ProtocolNames() {}

    static boolean isKnownName(String name) {
        return MQTT_3_1.equals(name) || MQTT_3_1_1.equals(name);
    }

    static boolean isSupported(String name, int level) {
        return MQTT_3_1.equals(name) && level == MQTT_3_1_LEVEL
                || MQTT_3_1_1.equals(name) && level == MQTT_3_1_1_LEVEL;
    }
}
