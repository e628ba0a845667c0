package io.culex.bootstrap.tools.bench;

import io.culex.adapters.netty.client.MqttVersion;
import java.util.Map;

/** The {@code -V} values, as mosquitto's tools spell them. */
final class ProtocolVersions {

    /** MQTT 5: add {@code "5", MqttVersion.MQTT_5, "mqttv5", MqttVersion.MQTT_5} here once the client speaks it. */
    private static final Map<String, MqttVersion> BY_NAME = Map.of(
            "31", MqttVersion.MQTT_3_1, "mqttv31", MqttVersion.MQTT_3_1,
            "311", MqttVersion.MQTT_3_1_1, "mqttv311", MqttVersion.MQTT_3_1_1);

    private ProtocolVersions() {
    }

    static MqttVersion named(String name) throws BenchUsageException {
        MqttVersion version = BY_NAME.get(name);
        if (version != null) {
            return version;
        }
        if (name.equals("5") || name.equals("mqttv5")) {
            throw new BenchUsageException("MQTT 5 (-V 5) is not yet available: the bench client speaks 3.1 and 3.1.1.");
        }
        throw new BenchUsageException("Invalid protocol version '" + name + "': use 311 or 31.");
    }
}
