package io.culex.application.sys;

import io.culex.domain.port.Clock;

/** A clock the test moves by hand. */
final class FakeClock implements Clock {

    private long millis = 1_000_000;

    @Override
    public long monotonicMillis() {
        return millis;
    }

    void advanceSeconds(double seconds) {
        millis += Math.round(seconds * 1000);
    }
}
