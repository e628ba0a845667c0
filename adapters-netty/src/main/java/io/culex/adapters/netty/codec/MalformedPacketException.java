package io.culex.adapters.netty.codec;

import io.netty.handler.codec.DecoderException;

/**
 * The peer sent bytes that are not a valid MQTT packet. The connection must be closed: after
 * throwing this, {@link MqttDecoder} ignores everything else that arrives on the channel.
 */
public final class MalformedPacketException extends DecoderException {

    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String reason) {
        super(reason);
    }
}
