package io.culex.adapters.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.culex.adapters.netty.codec.MqttDecoder;
import io.culex.adapters.netty.codec.MqttEncoder;
import io.culex.adapters.netty.codec.PingreqPacket;
import io.culex.adapters.netty.codec.PublishPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebSocketFramesTest {

    /** PUBLISH QoS 0 "a/b" "hi", then PINGREQ. */
    private static final byte[] PUBLISH_THEN_PING = {0x30, 0x07, 0x00, 0x03, 'a', '/', 'b', 'h', 'i', (byte) 0xC0, 0x00};

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new WebSocketFrames(), new MqttDecoder(1024), MqttEncoder.INSTANCE);
    }

    private static BinaryWebSocketFrame frame(int from, int to) {
        return new BinaryWebSocketFrame(Unpooled.copiedBuffer(PUBLISH_THEN_PING, from, to - from));
    }

    @Test
    void aPacketSplitOverFramesIsDecodedOnceComplete() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(frame(0, 1));
        channel.writeInbound(frame(1, 5));
        assertNull(channel.readInbound());
        channel.writeInbound(new ContinuationWebSocketFrame(Unpooled.copiedBuffer(PUBLISH_THEN_PING, 5, 4)));
        PublishPacket publish = channel.readInbound();
        assertEquals("a/b", publish.topic());
        assertEquals("hi", new String(publish.payload(), StandardCharsets.UTF_8));
        assertNull(channel.readInbound());
        channel.finishAndReleaseAll();
    }

    @Test
    void packetsJoinedInOneFrameAreAllDecoded() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(frame(0, PUBLISH_THEN_PING.length));
        assertInstanceOf(PublishPacket.class, channel.readInbound());
        assertSame(PingreqPacket.INSTANCE, channel.readInbound());
        channel.finishAndReleaseAll();
    }

    @Test
    void eachEncodedPacketLeavesAsOneBinaryFrame() {
        EmbeddedChannel channel = channel();
        channel.writeOutbound(PingreqPacket.INSTANCE);
        BinaryWebSocketFrame frame = channel.readOutbound();
        assertEquals("c000", ByteBufUtil.hexDump(frame.content()));
        frame.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void theEmptyBufferWrittenBeforeACloseIsNotFramed() {
        EmbeddedChannel channel = channel();
        channel.writeOutbound(Unpooled.EMPTY_BUFFER);
        ByteBuf out = channel.readOutbound();
        assertEquals(0, out.readableBytes());
        channel.finishAndReleaseAll();
    }

    @Test
    void aTextFrameClosesTheConnection() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(new TextWebSocketFrame("not mqtt"));
        CloseWebSocketFrame close = channel.readOutbound();
        assertEquals(1003, close.statusCode());
        close.release();
        channel.runPendingTasks();
        assertFalse(channel.isOpen());
        channel.finishAndReleaseAll();
    }
}
