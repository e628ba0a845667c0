package io.culex.adapters.netty.codec;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Writes {@link MqttPacket}s as MQTT 3.1 / 3.1.1 / 5.0 bytes, one exactly-sized buffer per packet,
 * in the protocol level of the channel ({@link MqttCodec}); writing a CONNECT sets that level.
 * Keeps no state of its own, so one instance serves every channel. A packet that cannot be sent as
 * given (packet id 0 where one is required, a field over 65535 bytes, a property the packet may
 * not carry, ...) fails the write with an {@link io.netty.handler.codec.EncoderException}.
 */
@Sharable
public final class MqttEncoder extends MessageToMessageEncoder<MqttPacket> {

    public static final MqttEncoder INSTANCE = new MqttEncoder();

    private MqttEncoder() {
        super(MqttPacket.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, MqttPacket packet, List<Object> out) {
        out.add(PacketWriter.write(ctx.alloc(), packet, MqttCodec.protocolLevel(ctx.channel())));
        if (packet instanceof ConnectPacket connect && ProtocolNames.isSupported(connect)) {
            // CONNECT is laid out by its own level (see ConnectLayout); the replies come back in it.
            MqttCodec.setProtocolLevel(ctx.channel(), connect.protocolLevel());
        }
    }
}
