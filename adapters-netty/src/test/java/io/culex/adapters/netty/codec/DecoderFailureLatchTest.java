package io.culex.adapters.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** After a malformed packet the stream cannot be framed again: everything else must be ignored. */
class DecoderFailureLatchTest {

    private static final byte[] BAD = Hex.bytes("40 02 00 00");
    private static final byte[] PINGREQ = Hex.bytes("C0 00");

    private final EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(Codec.TEST_LIMIT));

    @Test
    void validPacketsInLaterReadsAreIgnored() {
        assertThrows(MalformedPacketException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(BAD)));
        ByteBuf later = Unpooled.wrappedBuffer(PINGREQ);

        channel.writeInbound(later);

        assertNull(channel.readInbound());
        assertEquals(0, later.refCnt(), "ignored input must still be released");
        assertFalse(channel.finish(), "nothing may be decoded when the channel closes either");
    }

    @Test
    void validPacketsAfterTheBadOneInTheSameReadAreIgnored() {
        assertThrows(MalformedPacketException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.concat(BAD, PINGREQ, PINGREQ))));
        channel.writeInbound(Unpooled.wrappedBuffer(PINGREQ));

        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void packetsBeforeTheBadOneInTheSameReadAreStillDelivered() {
        assertThrows(MalformedPacketException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.concat(PINGREQ, BAD, PINGREQ))));

        assertSame(PingreqPacket.INSTANCE, channel.readInbound());
        assertNull(channel.readInbound());
    }

    @Test
    void garbageAfterAnOversizedHeaderIsIgnored() {
        EmbeddedChannel limited = new EmbeddedChannel(new MqttDecoder(10));
        assertThrows(MalformedPacketException.class, () -> limited.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("30 0B"))));

        // The rest of the oversized body would otherwise be parsed as packets.
        limited.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("C0 00 C0 00 E0 00 00 00 00 00 00")));

        assertNull(limited.readInbound());
    }
}
