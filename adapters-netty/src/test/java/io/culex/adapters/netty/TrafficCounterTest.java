package io.culex.adapters.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.culex.application.metrics.BrokerMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class TrafficCounterTest {

    @Test
    void countsRawBytesBothWaysAndPassesThemOn() {
        BrokerMetrics metrics = new BrokerMetrics();
        EmbeddedChannel channel = new EmbeddedChannel(new TrafficCounter(metrics, metrics.listener("listener-0")));

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[10]));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[3]));
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[4]));

        assertEquals(13, metrics.totals().bytesReceived());
        assertEquals(4, metrics.totals().bytesSent());
        assertEquals(13, metrics.listener("listener-0").bytesReceived(), "the listener's own count");
        assertEquals(4, metrics.listener("listener-0").bytesSent());
        ByteBuf passed = channel.readInbound();
        assertEquals(10, passed.readableBytes());
        passed.release();
        channel.finishAndReleaseAll();
    }
}
