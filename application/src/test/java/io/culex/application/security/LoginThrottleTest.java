package io.culex.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    // 2 free failures, then 100 ms doubling to 1 s; forgotten after 10 s quiet; at most 3 hosts.
    private final LoginThrottle throttle = new LoginThrottle(clock, 2, 100, 1_000, 10_000, 3);

    @Test
    void freeFailuresThenDoublingDelaysUpToTheCap() {
        assertEquals(0, throttle.failed("h"));
        assertEquals(0, throttle.failed("h"));
        assertEquals(0, throttle.lockedForMillis("h"));
        long[] expected = {100, 200, 400, 800, 1_000, 1_000, 1_000};
        for (long delay : expected) {
            assertEquals(delay, throttle.failed("h"));
            assertEquals(delay, throttle.lockedForMillis("h"));
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(1_000, throttle.failed("h"), "no overflow past the cap");
        }
    }

    @Test
    void theLockoutRunsOutWithTime() {
        throttle.failed("h");
        throttle.failed("h");
        throttle.failed("h");
        assertEquals(100, throttle.lockedForMillis("h"));
        clock.advance(60);
        assertEquals(40, throttle.lockedForMillis("h"));
        clock.advance(40);
        assertEquals(0, throttle.lockedForMillis("h"));
        // The count is kept: the next failure doubles.
        assertEquals(200, throttle.failed("h"));
    }

    @Test
    void aSuccessForgetsTheHost() {
        throttle.failed("h");
        throttle.failed("h");
        throttle.failed("h");
        throttle.succeeded("h");
        assertEquals(0, throttle.lockedForMillis("h"));
        assertEquals(0, throttle.trackedHosts());
        assertEquals(0, throttle.failed("h"));
    }

    @Test
    void aQuietHostIsForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("h");
        }
        clock.advance(9_999);
        assertEquals(800, throttle.failed("h"), "still remembered just before the quiet period ends");
        clock.advance(10_000);
        assertEquals(0, throttle.failed("h"), "counting starts again");
    }

    @Test
    void hostsAreCountedSeparately() {
        throttle.failed("a");
        throttle.failed("a");
        throttle.failed("a");
        assertEquals(100, throttle.lockedForMillis("a"));
        assertEquals(0, throttle.lockedForMillis("b"));
        assertEquals(0, throttle.failed("b"));
    }

    @Test
    void theMapIsBoundedDroppingTheLeastRecentlyTouchedHost() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("old");
        }
        throttle.failed("x");
        throttle.failed("y");
        throttle.lockedForMillis("old"); // touched: now the most recent
        throttle.failed("z");             // evicts x
        assertEquals(3, throttle.trackedHosts());
        assertEquals(100, throttle.lockedForMillis("old"));
        for (int i = 0; i < 1_000; i++) {
            throttle.failed("flood-" + i);
        }
        assertEquals(3, throttle.trackedHosts());
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, -1, 100, 1_000, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 0, 100, 99, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 0, 100, 100, 1, 0));
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1:51234, 127.0.0.1",
            "/127.0.0.1:51234, 127.0.0.1",
            "0:0:0:0:0:0:0:1:51234, 0:0:0:0:0:0:0:1",
            "'[::1]:1883', ::1",
            "localhost/127.0.0.1:80, 127.0.0.1",
            "unknown, unknown",
    })
    void hostOfDropsThePort(String address, String host) {
        assertEquals(host, LoginThrottle.hostOf(address));
    }
}
