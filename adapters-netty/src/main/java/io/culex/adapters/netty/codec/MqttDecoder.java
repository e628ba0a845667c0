package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns the bytes of an MQTT 3.1 / 3.1.1 connection into {@link MqttPacket}s.
 *
 * <p>Frames packets by their fixed header, refusing one whose remaining length exceeds the limit
 * as soon as the length is known, then hands the body to the parser for its type. Any rule broken
 * raises {@link MalformedPacketException}; from then on all input is discarded, since the stream
 * can no longer be framed and the connection is being closed. Not sharable: it keeps per-channel
 * state.
 */
public final class MqttDecoder extends ByteToMessageDecoder {

    private final int maxRemainingLength;
    private final StrictUtf8 utf8 = new StrictUtf8();
    private boolean failed;

    /**
     * @param maxRemainingLength the largest remaining length (bytes after the fixed header) to
     *     accept, at most 268,435,455
     */
    public MqttDecoder(int maxRemainingLength) {
        if (maxRemainingLength < 0 || maxRemainingLength > RemainingLength.MAX_VALUE) {
            throw new IllegalArgumentException("maxRemainingLength must be in [0, " + RemainingLength.MAX_VALUE
                    + "] but was " + maxRemainingLength);
        }
        this.maxRemainingLength = maxRemainingLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            MqttPacket packet = decodePacket(in);
            if (packet != null) {
                out.add(packet);
            }
        } catch (MalformedPacketException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /** Decodes one packet, or returns {@code null} without consuming anything if it is incomplete. */
    private MqttPacket decodePacket(ByteBuf in) {
        FixedHeader header = FixedHeader.peek(in, maxRemainingLength);
        if (header == null || in.readableBytes() < header.packetLength()) {
            return null;
        }
        in.skipBytes(header.headerLength());
        BodyReader body = new BodyReader(header.type(), in, header.remainingLength(), utf8);
        MqttPacket packet = parseBody(header, body);
        body.requireFullyConsumed();
        return packet;
    }

    private static MqttPacket parseBody(FixedHeader header, BodyReader body) {
        switch (header.type()) {
            case CONNECT:
                return ConnectParser.parse(body);
            case CONNACK:
                return ConnackParser.parse(body);
            case PUBLISH:
                return PublishParser.parse(header.flags(), body);
            case PUBACK:
                return new PubackPacket(body.readPacketId());
            case PUBREC:
                return new PubrecPacket(body.readPacketId());
            case PUBREL:
                return new PubrelPacket(body.readPacketId());
            case PUBCOMP:
                return new PubcompPacket(body.readPacketId());
            case SUBSCRIBE:
                return SubscribeParser.parse(body);
            case SUBACK:
                return SubackParser.parse(body);
            case UNSUBSCRIBE:
                return UnsubscribeParser.parse(body);
            case UNSUBACK:
                return new UnsubackPacket(body.readPacketId());
            case PINGREQ:
                return PingreqPacket.INSTANCE;
            case PINGRESP:
                return PingrespPacket.INSTANCE;
            case DISCONNECT:
                return DisconnectPacket.INSTANCE;
            default:
                throw new IllegalStateException("unhandled packet type " + header.type());
        }
    }
}
