package io.culex.adapters.netty.codec;

import io.netty.handler.codec.DecoderException;

/**
 * The peer sent bytes that are not a valid MQTT packet. The connection must be closed: after
 * throwing this, {@link MqttDecoder} ignores everything else that arrives on the channel.
 *
 * <p>{@link #reasonCode()} is the MQTT 5 reason code a server sends in DISCONNECT before closing
 * (MQTT 3.x has no such packet, so there it only explains the close): {@link #MALFORMED_PACKET}
 * when the bytes cannot be parsed as the spec lays them out, {@link #PROTOCOL_ERROR} when they
 * parse but hold a value the spec forbids there, {@link #PACKET_TOO_LARGE} when the remaining
 * length exceeds the decoder's limit.
 */
public final class MalformedPacketException extends DecoderException {

    public static final int MALFORMED_PACKET = 0x81;
    public static final int PROTOCOL_ERROR = 0x82;
    public static final int PACKET_TOO_LARGE = 0x95;

    private static final long serialVersionUID = 1L;

    private final int reasonCode;

    /** A {@link #MALFORMED_PACKET}. */
    public MalformedPacketException(String reason) {
        this(MALFORMED_PACKET, reason);
    }

    /** @param reasonCode an MQTT 5 failure reason code, 0x80 to 0xFF */
    public MalformedPacketException(int reasonCode, String reason) {
        super(reason);
        // Codes below 0x80 mean success, never a reason to close.
        if (reasonCode < ReasonCodes.FIRST_FAILURE || reasonCode > FieldRanges.MAX_UNSIGNED_BYTE) {
            throw new IllegalArgumentException("reasonCode must be a failure code in [0x80, 0xFF] but was " + reasonCode);
        }
        this.reasonCode = reasonCode;
    }

    public int reasonCode() {
        return reasonCode;
    }
}
