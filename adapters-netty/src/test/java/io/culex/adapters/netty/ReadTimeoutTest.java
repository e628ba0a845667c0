package io.culex.adapters.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On an embedded event loop whose clock the test advances: no waiting, no timing. */
class ReadTimeoutTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicInteger expiries = new AtomicInteger();
    private final ReadTimeout timeout = new ReadTimeout(channel.eventLoop(), expiries::incrementAndGet);

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void advanceMillis(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void expiresOnceAfterTheTimeoutWithoutReads() {
        timeout.restart(1_000);
        advanceMillis(999);
        assertEquals(0, expiries.get());
        advanceMillis(1);
        assertEquals(1, expiries.get());
        advanceMillis(5_000);
        assertEquals(1, expiries.get(), "one expiry: the connection is closed by then");
    }

    @Test
    void aReadStartsTheSilenceAgain() {
        timeout.restart(1_000);
        advanceMillis(800);
        timeout.readSeen();
        advanceMillis(800);
        assertEquals(0, expiries.get(), "800 ms since the last read");
        advanceMillis(200);
        assertEquals(1, expiries.get(), "1,000 ms since the last read");
    }

    @Test
    void restartReplacesTheConnectTimeoutWithTheKeepalive() {
        timeout.restart(1_000);
        advanceMillis(500);
        timeout.restart(3_000);
        advanceMillis(2_999);
        assertEquals(0, expiries.get());
        advanceMillis(1);
        assertEquals(1, expiries.get());
    }

    @Test
    void zeroTurnsItOff() {
        timeout.restart(1_000);
        timeout.restart(0);
        advanceMillis(60_000);
        assertEquals(0, expiries.get());
    }

    @Test
    void stopCancelsIt() {
        timeout.restart(1_000);
        timeout.stop();
        advanceMillis(60_000);
        assertEquals(0, expiries.get());
    }
}
