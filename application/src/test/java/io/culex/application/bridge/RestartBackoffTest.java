package io.culex.application.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    @Test
    void aConstantTimeoutWaitsTheSameEveryTime() {
        RestartBackoff backoff = new RestartBackoff(new RestartTimeout(10, 0), new Random(1));

        assertEquals(10_000, backoff.nextDelayMillis());
        assertEquals(10_000, backoff.nextDelayMillis());
    }

    @Test
    void decorrelatedJitterStaysBetweenBaseAndCapAndAtMostTriplesThePreviousWait() {
        for (int seed = 0; seed < 50; seed++) {
            RestartBackoff backoff = new RestartBackoff(new RestartTimeout(5, 30), new Random(seed));
            long previous = 5_000;
            for (int attempt = 0; attempt < 20; attempt++) {
                long delay = backoff.nextDelayMillis();
                assertTrue(delay >= 5_000 && delay <= 30_000, "delay " + delay);
                assertTrue(delay <= Math.max(5_000, previous * 3), delay + " after " + previous);
                previous = delay;
            }
        }
    }

    @Test
    void jitterReachesTheCapWhenTheRandomPicksHighAndStartsOverAfterAConnection() {
        Random alwaysHighest = new Random() {
            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        RestartBackoff backoff = new RestartBackoff(new RestartTimeout(5, 30), alwaysHighest);

        assertEquals(15_000, backoff.nextDelayMillis());
        assertEquals(30_000, backoff.nextDelayMillis());
        assertEquals(30_000, backoff.nextDelayMillis());
        backoff.reset();
        assertEquals(15_000, backoff.nextDelayMillis());
    }
}
