package io.culex.adapters.netty.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns the bytes of an MQTT 3.1 / 3.1.1 / 5.0 connection into {@link MqttPacket}s.
 *
 * <p>Frames packets by their fixed header, refusing one whose remaining length exceeds the limit
 * as soon as the length is known, then hands the body to the parser for its type and the
 * channel's protocol level ({@link MqttCodec}). Decoding a CONNECT of a level this codec speaks
 * sets the channel's level. Any rule broken raises {@link MalformedPacketException}; from then on
 * all input is discarded, since the stream can no longer be framed and the connection is being
 * closed. Not sharable: it keeps per-channel state.
 */
public final class MqttDecoder extends ByteToMessageDecoder {

    private final int maxRemainingLength;
    /** The level to give the channel when added to it (a client's), or 0 to learn it from CONNECT. */
    private final int initialLevel;
    private final StrictUtf8 utf8 = new StrictUtf8();
    private boolean failed;

    /**
     * For a server: the level comes from the CONNECT it decodes.
     *
     * @param maxRemainingLength the largest remaining length (bytes after the fixed header) to
     *     accept, at most 268,435,455
     */
    public MqttDecoder(int maxRemainingLength) {
        this.maxRemainingLength = checkedLimit(maxRemainingLength);
        this.initialLevel = 0;
    }

    /**
     * For a client, which knows its level before any packet arrives: sets the channel's level
     * when the decoder is added to its pipeline.
     *
     * @param protocolLevel 3, 4 or 5
     */
    public MqttDecoder(int maxRemainingLength, int protocolLevel) {
        this.maxRemainingLength = checkedLimit(maxRemainingLength);
        this.initialLevel = MqttCodec.requireSupported(protocolLevel);
    }

    private static int checkedLimit(int maxRemainingLength) {
        if (maxRemainingLength < 0 || maxRemainingLength > RemainingLength.MAX_VALUE) {
            throw new IllegalArgumentException("maxRemainingLength must be in [0, " + RemainingLength.MAX_VALUE
                    + "] but was " + maxRemainingLength);
        }
        return maxRemainingLength;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        if (initialLevel != 0) {
            MqttCodec.setProtocolLevel(ctx.channel(), initialLevel);
        }
        super.handlerAdded(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            MqttPacket packet = decodePacket(in, MqttCodec.protocolLevel(ctx.channel()));
            if (packet instanceof ConnectPacket connect && ProtocolNames.isSupported(connect)) {
                MqttCodec.setProtocolLevel(ctx.channel(), connect.protocolLevel());
            }
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
    private MqttPacket decodePacket(ByteBuf in, int protocolLevel) {
        FixedHeader header = FixedHeader.peek(in, maxRemainingLength, protocolLevel);
        if (header == null || in.readableBytes() < header.packetLength()) {
            return null;
        }
        in.skipBytes(header.headerLength());
        BodyReader body = new BodyReader(header.type(), in, header.remainingLength(), utf8);
        MqttPacket packet = parseBody(header, body, protocolLevel);
        body.requireFullyConsumed();
        return packet;
    }

    private static MqttPacket parseBody(FixedHeader header, BodyReader body, int protocolLevel) {
        switch (header.type()) {
            case CONNECT:
                return ConnectParser.parse(body);
            case CONNACK:
                return ConnackParser.parse(body, protocolLevel);
            case PUBLISH:
                return PublishParser.parse(header.flags(), body, protocolLevel);
            case PUBACK:
            case PUBREC:
            case PUBREL:
            case PUBCOMP:
                return PublishAckParser.parse(header.type(), body, protocolLevel);
            case SUBSCRIBE:
                return SubscribeParser.parse(body, protocolLevel);
            case SUBACK:
                return SubackParser.parse(body, protocolLevel);
            case UNSUBSCRIBE:
                return UnsubscribeParser.parse(body, protocolLevel);
            case UNSUBACK:
                return UnsubackParser.parse(body, protocolLevel);
            case PINGREQ:
                return PingreqPacket.INSTANCE;
            case PINGRESP:
                return PingrespPacket.INSTANCE;
            case DISCONNECT:
                return ReasonAndPropertiesParser.disconnect(body, protocolLevel);
            case AUTH:
                return ReasonAndPropertiesParser.auth(body);
            default:
                throw new IllegalStateException("unhandled packet type " + header.type());
        }
    }
}
