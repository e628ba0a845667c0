package io.culex.adapters.netty.codec;

import java.util.Objects;

/**
 * CONNACK. {@code sessionPresent} is always false on MQTT 3.1, which has no such flag.
 * {@code returnCode} is the 3.x return code (0-5) or the MQTT 5 reason code; the encoder writes
 * it as given, so the broker picks the table that matches the connection's version.
 * {@code properties} are sent on MQTT 5 only.
 */
public record ConnackPacket(boolean sessionPresent, int returnCode, MqttProperties properties) implements MqttPacket {

    public ConnackPacket {
        FieldRanges.unsignedByte("returnCode", returnCode);
        Objects.requireNonNull(properties, "properties");
    }

    public ConnackPacket(boolean sessionPresent, int returnCode) {
        this(sessionPresent, returnCode, MqttProperties.EMPTY);
    }

    /**
     * The MQTT 5 reason code meaning what an MQTT 3.x return code means, as Mosquitto translates
     * them: 0x00 success, 0x01 → 0x84 Unsupported Protocol Version, 0x02 → 0x85 Client Identifier
     * not valid, 0x03 → 0x88 Server unavailable, 0x04 → 0x86 Bad User Name or Password,
     * 0x05 → 0x87 Not authorized.
     *
     * @throws IllegalArgumentException for a code 3.x does not define
     */
    public static int mqtt5ReasonCode(int mqtt3ReturnCode) {
        switch (mqtt3ReturnCode) {
            case 0x00:
                return 0x00;
            case 0x01:
                return 0x84;
            case 0x02:
                return 0x85;
            case 0x03:
                return 0x88;
            case 0x04:
                return 0x86;
            case 0x05:
                return 0x87;
            default:
                throw new IllegalArgumentException("not an MQTT 3.x CONNACK return code: " + mqtt3ReturnCode);
        }
    }
}
