package io.culex.adapters.netty.client;

/** The protocol versions the client speaks, with the protocol name and level CONNECT carries. */
public enum MqttVersion {
    MQTT_3_1("MQIsdp", 3),
    MQTT_3_1_1("MQTT", 4),
    MQTT_5("MQTT", 5);

    private final String protocolName;
    private final int level;

    MqttVersion(String protocolName, int level) {
        this.protocolName = protocolName;
        this.level = level;
    }

    public String protocolName() {
        return protocolName;
    }

    public int level() {
        return level;
    }
}
