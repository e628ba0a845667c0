package io.culex.application.security;

import io.culex.domain.port.Clock;

/** A clock the test moves by hand. */
final class MovableClock implements Clock {

    private long millis = 5_000_000;

    @Override
    public long monotonicMillis() {
        return millis;
    }

    void advance(long byMillis) {
        millis += byMillis;
    }
}
