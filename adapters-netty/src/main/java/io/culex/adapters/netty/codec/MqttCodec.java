package io.culex.adapters.netty.codec;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The protocol level a channel speaks, which the decoder and the shared encoder both follow.
 *
 * <p>It lives in the channel attribute {@link #PROTOCOL_LEVEL}, set by whichever CONNECT crosses
 * the channel: the decoder sets it from a CONNECT it decodes (server side) and the encoder from a
 * CONNECT it writes (client side), in both cases only for a level this codec speaks. A client may
 * also set it up front with {@link #setProtocolLevel} or
 * {@link MqttDecoder#MqttDecoder(int, int)}. Until then it is {@link #MQTT_3_1_1}, so a server
 * answers a CONNECT of an unknown level in the 3.1.1 layout.
 */
public final class MqttCodec {

    public static final int MQTT_3_1 = 3;
    public static final int MQTT_3_1_1 = 4;
    public static final int MQTT_5 = 5;

    public static final AttributeKey<Integer> PROTOCOL_LEVEL = AttributeKey.valueOf("culex.mqtt.protocolLevel");

    private MqttCodec() {}

    /** The channel's level, {@link #MQTT_3_1_1} until a CONNECT (or a client) sets it. */
    public static int protocolLevel(Channel channel) {
        Integer level = channel.attr(PROTOCOL_LEVEL).get();
        return level == null ? MQTT_3_1_1 : level;
    }

    /** @param level 3, 4 or 5 */
    public static void setProtocolLevel(Channel channel, int level) {
        channel.attr(PROTOCOL_LEVEL).set(requireSupported(level));
    }

    private static boolean isSupported(int level) {
        return level >= MQTT_3_1 && level <= MQTT_5;
    }

    static int requireSupported(int level) {
        if (!isSupported(level)) {
            throw new IllegalArgumentException("protocol level must be 3, 4 or 5 but was " + level);
        }
        return level;
    }
}
